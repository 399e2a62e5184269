package dev.sppo.trainer.config;

import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.evaluation.Evaluator;
import dev.sppo.loop.SppoConfig;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's run config and its prompts, as {@code SppoLoop} uses them: iteration t trains on the slice
 * [t·n, (t+1)·n) of the task's first T·n training prompts (n = prompts_per_iteration), and every iteration is
 * evaluated on the same held-out prompts.
 */
public final class JobPlan {

    private final SppoConfig config;
    private final PreferenceSpec preference;
    private final List<Prompt> trainPrompts;
    private final Map<String, Integer> positions = new HashMap<>();

    /** @param preference the preference model that scores the job's responses */
    public JobPlan(SppoConfig config, PreferenceSpec preference) {
        this.config = config;
        this.preference = preference;
        this.trainPrompts = config.task().task().prompts(Split.TRAIN,
                config.promptsPerIteration() * config.iterations());
        for (int i = 0; i < trainPrompts.size(); i++) {
            positions.put(trainPrompts.get(i).id(), i);
        }
    }

    public SppoConfig config() {
        return config;
    }

    public PreferenceSpec preference() {
        return preference;
    }

    public Task task() {
        return config.task().task();
    }

    /** Iteration t's prompts. */
    public List<Prompt> slice(int t) {
        int n = config.promptsPerIteration();
        return trainPrompts.subList(t * n, (t + 1) * n);
    }

    /** The prompt of iteration t with this id, if it belongs to that iteration. */
    public Optional<Prompt> prompt(int t, String promptId) {
        Integer position = positions.get(promptId);
        if (position == null || position / config.promptsPerIteration() != t) {
            return Optional.empty();
        }
        return Optional.of(trainPrompts.get(position));
    }

    /** The sampling seed of iteration t, seed·1000 + t as in {@code SppoLoop}. */
    public long samplingSeed(int t) {
        return config.seed() * 1000 + t;
    }

    public Evaluator evaluator() {
        return new Evaluator(task().prompts(Split.HELD_OUT, config.evaluation().prompts()).stream().map(Prompt::text)
                .toList(), task().judge(), config.evaluation());
    }
}
