package dev.sppo.chaos;

/**
 * The continuous job of a chaos trial: rounds of {@value #ROUND_PROMPTS} addition prompts from {@code sppo.prompts}
 * × K = 4, from the same 32-wide warm start as {@link ChaosJob} (cached by the trainer, so no trial trains it
 * again), every round's candidate promoted (threshold 0), stale replies regenerated. A trial feeds it
 * {@value #ROUNDS} rounds' prompts, waits until both are decided, and stops it.
 */
public final class ContinuousJob {

    /** Prompts per round. */
    public static final int ROUND_PROMPTS = 8;
    /** The rounds a trial feeds. */
    public static final int ROUNDS = 2;

    private ContinuousJob() {}

    /** The job's JSON, named {@code name}. */
    public static String body(String name) {
        return """
                {"name": "%s", "seed": %d, "iterations": 1, "prompts_per_iteration": 1,
                 "sampling": {"k": 4, "max_new_tokens": 4},
                 "base": {"warm_start": %s},
                 "training": {"epochs": 1, "batch_size": 4},
                 "evaluation": {"prompts": 8, "samples_per_prompt": 1},
                 "continuous": {"round_prompts": %d, "max_rounds_behind": 5, "promotion_threshold": 0.0,
                                "stale_action": "regenerate"}}
                """.formatted(name, ChaosJob.SEED, ChaosJob.WARM_START, ROUND_PROMPTS);
    }
}
