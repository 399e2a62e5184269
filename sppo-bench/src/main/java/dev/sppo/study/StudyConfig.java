package dev.sppo.study;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An alignment study: every method × task × seed run with {@code SppoLoop} under equal budgets, read by
 * {@link StudyConfigReader} over {@code default-study.yaml}.
 *
 * <p>Budgets are equal by construction: every run of a task and seed shares the base run config (prompts per
 * iteration, K, epochs, evaluation set, iterations), and a method may only change its loss and its own
 * overrides. All methods of one seed start from the same π_0 (the warm start is cached by task, warm-start
 * settings and seed) and see the same prompts.
 *
 * @param base run config tree merged over {@code default-train.yaml} for every run
 * @param methods the compared methods, in table order
 * @param seeds master seeds; each gives its own π_0, prompts and sampling noise
 * @param tasks built-in tasks and their settings
 * @param iterations T for every run
 * @param klPrompts held-out prompts on which KL(π_t ‖ π_0) is estimated
 * @param klSamplesPerPrompt responses drawn from π_t per such prompt
 * @param outputDir where {@code results.md} and {@code results/*.png} go
 * @param runsDir where each run's directory goes ({@code <task>/<method>/seed-<s>})
 */
public record StudyConfig(
        Map<String, Object> base,
        List<StudyMethod> methods,
        List<Long> seeds,
        List<StudyTask> tasks,
        int iterations,
        int klPrompts,
        int klSamplesPerPrompt,
        Path outputDir,
        Path runsDir) {

    public StudyConfig {
        base = Collections.unmodifiableMap(new LinkedHashMap<>(base));
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        tasks = List.copyOf(tasks);
        requireDistinct("methods", methods.stream().map(StudyMethod::name).toList());
        requireDistinct("seeds", seeds);
        requireDistinct("tasks", tasks.stream().map(StudyTask::name).toList());
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: must be >= 1, got " + iterations);
        }
        if (klPrompts < 1 || klSamplesPerPrompt < 1) {
            throw new IllegalArgumentException("kl: prompts and samples_per_prompt must be >= 1, got " + klPrompts
                    + " and " + klSamplesPerPrompt);
        }
    }

    /** Every run of the study, task by task, seed by seed, method by method. */
    public List<RunKey> runs() {
        return tasks.stream().flatMap(task -> seeds.stream().flatMap(seed -> methods.stream()
                .map(method -> new RunKey(task.name(), method.name(), seed)))).toList();
    }

    /**
     * The config tree of one run: {@link #base}, then the method's overrides, then what the study fixes (task,
     * seed, iterations, loss and run directory).
     */
    public Map<String, Object> runTree(RunKey key) {
        StudyMethod method = find(methods, StudyMethod::name, key.method(), "method");
        StudyTask task = find(tasks, StudyTask::name, key.task(), "task");
        Map<String, Object> tree = new LinkedHashMap<>(ConfigTree.merge(base, method.overrides()));
        tree.put("task", task.section());
        tree.put("seed", key.seed());
        tree.put("iterations", iterations);
        tree.put("run_dir", key.dir(runsDir).toString());
        tree.putAll(ConfigTree.merge(tree, Map.of("training", Map.of("loss", method.loss().id()))));
        return tree;
    }

    /** The {@code SppoLoop} config of one run; errors name the method whose settings are wrong. */
    public SppoConfig runConfig(RunKey key) {
        try {
            return new SppoConfigReader().read(runTree(key));
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException("methods[" + key.method() + "] on task " + key.task() + ": "
                    + e.getMessage());
        }
    }

    private static <T> T find(List<T> items, Function<T, String> name, String wanted, String what) {
        return items.stream().filter(item -> name.apply(item).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " named " + wanted + " in the study"));
    }

    private static void requireDistinct(String field, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(field + ": needs at least one entry");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException(field + ": entries must be distinct, got " + values);
        }
    }
}
