package dev.sppo.chaos;

import java.util.Map;

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

    /**
     * The platform's settings for the chaos job: each generator takes one request a poll, so that an iteration's 16
     * prompts come back one after another and its GENERATE phase lasts long enough for a fault to be timed into it
     * (with whole polls all 16 come back in one poll, are scored in one and stored in one statement). The
     * responses' bits do not change: the sampling calls keep their shape ({@code GENERATOR_MAX_SEQUENCES}).
     */
    public static final Map<String, String> PLATFORM_ENVIRONMENT = Map.of("GENERATOR_MAX_REQUESTS", "1");

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
