package dev.sppo.study;

import dev.sppo.loss.LossType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One compared method: a training loss and the settings it changes over the study's base run config.
 *
 * @param name the label in tables, charts and run directories (unique within a study)
 * @param loss {@code training.loss} of every run of this method
 * @param overrides a config tree merged over the base run config (for example {@code training: {beta: 0.1}});
 *     empty when the method uses the base settings as they are
 */
public record StudyMethod(String name, LossType loss, Map<String, Object> overrides) {

    public StudyMethod {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("name: expected letters, digits, '_', '.' or '-', got " + name);
        }
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }
}
