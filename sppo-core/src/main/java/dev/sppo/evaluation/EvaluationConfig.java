package dev.sppo.evaluation;

import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.sampling.SamplingParams;

import java.util.List;

/**
 * How a policy is evaluated on held-out prompts.
 *
 * @param prompts number of held-out prompts (a prompt dataset gives at most this many of its eval split)
 * @param sampling decoding used for every compared policy (K responses per prompt, compared pairwise by index)
 * @param judge the preference model that compares policies ({@code evaluation.judge}); null when none is named: a
 *     built-in task is then graded by its gold judge, a prompt dataset compared by the training judge
 */
public record EvaluationConfig(int prompts, SamplingParams sampling, PreferenceModelSpec judge) {

    /** Sets the seed of the KL sample of π_t apart from the evaluation's own: sampling seed + this + t. */
    static final long KL_SEED_OFFSET = 104_729;

    public EvaluationConfig {
        if (prompts < 1) {
            throw new IllegalArgumentException("evaluation.prompts must be >= 1, got " + prompts);
        }
    }

    /**
     * The estimator of KL(π_t ‖ π_{t-1}) on the held-out prompts: {@code samples_per_prompt} responses of at most
     * {@code max_new_tokens} each, drawn from π_t with a seed that depends on the run's seed and t only, so that
     * the in-process loop and the platform measure the same.
     *
     * @param prompts the held-out prompts as token ids
     * @param t the index of the measured policy π_t
     */
    public KlEstimator klEstimator(List<int[]> prompts, int t) {
        return new KlEstimator(prompts, sampling.numSamples(), sampling.maxNewTokens(),
                sampling.seed() + KL_SEED_OFFSET + t);
    }
}
