package dev.sppo.task;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.TaskSettings;

import java.util.Map;

/**
 * A built-in task and its settings, read from the {@code task} section of a config.
 *
 * @param task the task
 * @param description a canonical description (name and settings), part of the warm-start cache key
 * @param settings the task's name and every setting, defaults included, as preference specs carry them to whoever
 *     builds its gold judge
 */
public record TaskSpec(Task task, String description, TaskSettings settings) {

    /** Reads the {@code task} section {@code node}; {@code seed} seeds the prompt streams. */
    public static TaskSpec read(ConfigTree node, long seed) {
        String name = node.string("name", "addition");
        TaskSpec spec = switch (name) {
            case "addition" -> {
                AdditionConfig d = AdditionConfig.defaults();
                AdditionConfig c = node.validated("min_digits", () -> new AdditionConfig(
                        node.integer("min_digits", d.minDigits()), node.integer("max_digits", d.maxDigits()), seed));
                yield new TaskSpec(new AdditionTask(c), c.toString(), new TaskSettings(name, Map.of(
                        "min_digits", c.minDigits(), "max_digits", c.maxDigits())));
            }
            case "sorting" -> {
                SortingConfig d = SortingConfig.defaults();
                SortingConfig c = node.validated("min_length", () -> new SortingConfig(
                        node.integer("min_length", d.minLength()), node.integer("max_length", d.maxLength()),
                        node.integer("digits", d.digits()), seed));
                yield new TaskSpec(new SortingTask(c), c.toString(), new TaskSettings(name, Map.of(
                        "min_length", c.minLength(), "max_length", c.maxLength(), "digits", c.digits())));
            }
            case IntransitiveTasks.CYCLE, IntransitiveTasks.PANEL -> new TaskSpec(IntransitiveTasks.byName(name, seed),
                    name + "[seed=" + seed + "]", new TaskSettings(name, Map.of()));
            default -> throw new InvalidConfigException(
                    "task.name: unknown task '" + name + "' (known: " + String.join(", ", Tasks.names()) + ")");
        };
        node.checkNoUnknownKeys();
        return spec;
    }
}
