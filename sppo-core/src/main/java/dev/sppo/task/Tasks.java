package dev.sppo.task;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.TaskSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The built-in tasks by name, each with its default config. */
public final class Tasks {

    private static final SortedMap<String, Supplier<Task>> BUILT_IN = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            AdditionTask.NAME, () -> new AdditionTask(AdditionConfig.defaults()),
            SortingTask.NAME, () -> new SortingTask(SortingConfig.defaults()),
            IntransitiveTasks.CYCLE, () -> IntransitiveTasks.cycle(0),
            IntransitiveTasks.PANEL, () -> IntransitiveTasks.panel(0))));

    private Tasks() {
    }

    /** The names {@link #byName} knows, sorted. */
    public static Set<String> names() {
        return BUILT_IN.keySet();
    }

    /**
     * The built-in task with these settings, read as a config's {@code task} section is ({@link TaskSpec#read}), its
     * prompt streams seeded with 0 as {@link #byName}'s are: what its gold judge and its prompt parser need.
     *
     * @throws IllegalArgumentException naming the unknown task, or the setting that is unknown or out of range
     */
    public static Task of(TaskSettings settings) {
        Map<String, Object> section = new LinkedHashMap<>(settings.settings());
        section.put("name", settings.name());
        try {
            return TaskSpec.read(new ConfigTree("task", section), 0).task();
        } catch (InvalidConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
