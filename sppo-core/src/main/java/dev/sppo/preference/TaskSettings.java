package dev.sppo.preference;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A built-in task as its gold judge is built from it: the task's name and its settings, in the keys of a config's
 * {@code task} section ({@code max_digits: 3}). A preference spec carries all of it, so that whoever builds the judge
 * (the in-process loop, trainer-service, the preference-service) builds it for the task the job configured, not for
 * the task's defaults.
 *
 * @param name the task's name, such as {@code addition}
 * @param settings the task's whole-number settings by config key, sorted by key; a setting that is absent takes the
 *     task's default, so an empty map is the task with its defaults
 */
public record TaskSettings(String name, Map<String, Integer> settings) {

    /** @throws IllegalArgumentException for a blank key or a null value */
    public TaskSettings {
        TreeMap<String, Integer> sorted = new TreeMap<>();
        (settings == null ? Map.<String, Integer>of() : settings).forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("task settings need a key and a whole number each, got "
                        + key + ": " + value);
            }
            sorted.put(key, value);
        });
        settings = Collections.unmodifiableSortedMap(sorted);
    }

    /** The task {@code name} with its default settings. */
    public static TaskSettings defaultsOf(String name) {
        return new TaskSettings(name, Map.of());
    }
}
