package dev.sppo.source;

/**
 * How many prompts a run draws from its source.
 *
 * @param perIteration {@code prompts_per_iteration}
 * @param iterations T
 * @param heldOut {@code evaluation.prompts}: a task generates that many; a dataset gives at most that many of its
 *     eval split, in file order
 * @param seed seeds a dataset's draw of training prompts ({@link dev.sppo.prompts.PromptSampler})
 */
public record PromptBudget(int perIteration, int iterations, int heldOut, long seed) {

    public PromptBudget {
        if (perIteration < 1 || iterations < 1 || heldOut < 1) {
            throw new IllegalArgumentException("prompts per iteration, iterations and held-out prompts must be >= 1, "
                    + "got " + perIteration + ", " + iterations + ", " + heldOut);
        }
    }
}
