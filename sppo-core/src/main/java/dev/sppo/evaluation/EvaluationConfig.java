package dev.sppo.evaluation;

import dev.sppo.sampling.SamplingParams;

/**
 * How a policy is evaluated on held-out prompts.
 *
 * @param prompts number of held-out prompts
 * @param sampling decoding used for every compared policy (K responses per prompt, compared pairwise by index)
 */
public record EvaluationConfig(int prompts, SamplingParams sampling) {

    public EvaluationConfig {
        if (prompts < 1) {
            throw new IllegalArgumentException("evaluation.prompts must be >= 1, got " + prompts);
        }
    }
}
