package dev.sppo.trainer;

/**
 * Job bodies small enough for tests: a 1-layer, 32-wide warm start (about half a second of SFT; fewer steps
 * leave a policy whose K responses all score 0, so no prompt carries a preference), 8 prompts per iteration,
 * K = 2.
 */
final class TinyJobs {

    static final int PROMPTS_PER_ITERATION = 8;

    private TinyJobs() {}

    static String json(String name, int iterations) {
        return """
                {"name": "%s", "seed": 3, "iterations": %d, "prompts_per_iteration": %d,
                 "task": {"name": "addition"},
                 "base": {"warm_start": {"hidden_size": 32, "layers": 1, "heads": 2, "demonstrations": 500,
                                         "epochs": 4, "learning_rate": 0.02}},
                 "sampling": {"k": 2},
                 "training": {"epochs": 1},
                 "evaluation": {"prompts": 8}}
                """.formatted(name, iterations, PROMPTS_PER_ITERATION);
    }
}
