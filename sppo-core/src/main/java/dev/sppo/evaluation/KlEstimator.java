package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.scoring.SequenceScorer;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates KL(π ‖ π_ref) of a policy to a reference on held-out prompts ({@link KlEstimate}): the study measures
 * π_t against π_0, the loop each π_t against the reference π_{t-1} it was trained from. Samples K responses per
 * prompt from π at temperature 1 with no top-k/top-p truncation (so that y really is drawn from π), then scores
 * each response, stop token included, teacher-forced under both policies with {@link SequenceScorer}. Scoring both
 * sides the same way makes the estimate exactly 0 when π is π_ref.
 */
public final class KlEstimator {

    private static final int SCORING_BATCH = 64;

    private final List<int[]> prompts;
    private final SamplingParams sampling;

    /**
     * @param prompts held-out prompts x_n, as the token ids the policies are conditioned on
     * @param samplesPerPrompt responses drawn per prompt
     * @param maxNewTokens the response length bound the policies were trained with
     * @param seed seeds the sampler
     */
    public KlEstimator(List<int[]> prompts, int samplesPerPrompt, int maxNewTokens, long seed) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a KL estimate needs at least one prompt");
        }
        this.prompts = List.copyOf(prompts);
        this.sampling = new SamplingParams(maxNewTokens, 1.0, 0, 1.0, samplesPerPrompt, seed);
    }

    /** KL(policy ‖ base); both must share one tokenizer. */
    public KlEstimate estimate(Policy policy, Policy base) {
        return estimate(policy, List.of(base)).get(0);
    }

    /**
     * KL(policy ‖ reference) for each reference, all from the same responses sampled from {@code policy}: one
     * sampling pass, one scoring pass per policy. All must share one tokenizer.
     */
    public List<KlEstimate> estimate(Policy policy, List<Policy> references) {
        List<List<Sample>> samples = BatchedSampling.sampleIds(policy, prompts, sampling, done -> { });
        List<int[]> promptIds = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            for (Sample s : samples.get(i)) {
                promptIds.add(prompts.get(i));
                responses.add(s.responseWithStop());
            }
        }
        double[] policyLogProbs = score(policy, promptIds, responses);
        return references.stream()
                .map(reference -> KlEstimate.of(policyLogProbs, score(reference, promptIds, responses))).toList();
    }

    private static double[] score(Policy policy, List<int[]> prompts, List<int[]> responses) {
        return new SequenceScorer(policy.model(), policy.padId()).score(prompts, responses, SCORING_BATCH);
    }
}
