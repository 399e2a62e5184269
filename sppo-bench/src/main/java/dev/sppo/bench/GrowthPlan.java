package dev.sppo.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@link CostGrowth} varies one SPPO iteration: from the centre (K, prompts, max_new_tokens), one axis at a
 * time, the others held at the centre.
 *
 * @param k the centre's K
 * @param prompts the centre's prompts per iteration
 * @param maxNewTokens the centre's max_new_tokens
 * @param ks the values of K tried
 * @param promptCounts the prompt counts tried
 * @param tokenCounts the max_new_tokens tried
 * @param evaluationPrompts held-out prompts of each run's evaluation (kept small: it is not what is measured)
 */
public record GrowthPlan(
        int k,
        int prompts,
        int maxNewTokens,
        List<Integer> ks,
        List<Integer> promptCounts,
        List<Integer> tokenCounts,
        int evaluationPrompts) {

    public GrowthPlan {
        ks = List.copyOf(ks);
        promptCounts = List.copyOf(promptCounts);
        tokenCounts = List.copyOf(tokenCounts);
    }

    /** K 2, 5, 8; 128, 256, 512 prompts; 4, 8, 16 new tokens; centre K=5, 256 prompts, 8 tokens. */
    public static GrowthPlan defaults() {
        return new GrowthPlan(5, 256, 8, List.of(2, 5, 8), List.of(128, 256, 512), List.of(4, 8, 16), 32);
    }

    /** A few prompts, for tests. */
    public static GrowthPlan quick() {
        return new GrowthPlan(2, 4, 2, List.of(2, 3), List.of(4), List.of(2), 2);
    }

    /** The centre as a job from {@code basePath}. */
    public IterationJob centre(Path basePath) {
        return new IterationJob(prompts, k, maxNewTokens, evaluationPrompts, basePath);
    }
}
