package dev.sppo.task;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The built-in tasks by name, each with its default config. */
public final class Tasks {

    private static final SortedMap<String, Supplier<Task>> BUILT_IN = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            AdditionTask.NAME, () -> new AdditionTask(AdditionConfig.defaults()),
            SortingTask.NAME, () -> new SortingTask(SortingConfig.defaults()))));

    private Tasks() {
    }

    /** The names {@link #byName} knows, sorted. */
    public static Set<String> names() {
        return BUILT_IN.keySet();
    }

    /**
     * The built-in task {@code name} with its default config.
     *
     * @throws IllegalArgumentException listing the known names when {@code name} is not one of them
     */
    public static Task byName(String name) {
        Supplier<Task> task = name == null ? null : BUILT_IN.get(name);
        if (task == null) {
            throw new IllegalArgumentException(
                    "unknown task '" + name + "'; known tasks: " + String.join(", ", BUILT_IN.keySet()));
        }
        return task.get();
    }
}
