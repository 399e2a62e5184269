package dev.sppo.chaos;

/**
 * The small job every chaos trial runs, the same seed each time, so that runs are comparable metric for metric:
 * 2 iterations of 16 prompts × K = 4 on the built-in arithmetic task, from a 32-wide warm start. Its train and
 * evaluate phases are kept a few seconds long (several epochs of batch 4; 48 held-out prompts × 2 samples), long
 * enough for a fault to be timed into them.
 */
public final class ChaosJob {

    /** The job's seed (sampling, shuffling, evaluation). */
    public static final long SEED = 7;

    /** The warm start's settings, shared with {@link ContinuousJob} so that the trainer trains it once. */
    static final String WARM_START = "{\"hidden_size\": 32, \"layers\": 1, \"heads\": 2, \"demonstrations\": 500, "
            + "\"epochs\": 4, \"learning_rate\": 0.02}";

    private ChaosJob() {}

    /** The job's JSON, named {@code name}. */
    public static String body(String name) {
        return """
                {"name": "%s", "seed": %d, "iterations": 2, "prompts_per_iteration": 16,
                 "sampling": {"k": 4, "max_new_tokens": 4},
                 "base": {"warm_start": %s},
                 "training": {"epochs": 4, "batch_size": 4},
                 "evaluation": {"prompts": 48, "samples_per_prompt": 2}}
                """.formatted(name, SEED, WARM_START);
    }
}
