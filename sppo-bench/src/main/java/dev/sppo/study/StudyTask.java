package dev.sppo.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built-in task of a study and its settings.
 *
 * @param name the task name ({@code addition}, {@code sorting})
 * @param section the run config's {@code task} section: the name and any settings such as {@code max_length}
 */
public record StudyTask(String name, Map<String, Object> section) {

    public StudyTask {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("tasks: expected a task name, got " + name);
        }
        section = Collections.unmodifiableMap(new LinkedHashMap<>(section));
    }
}
