package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.scoring.SequenceScorer;

import java.util.ArrayList;
import java.util.List;

/**
 * Signs that a policy's text has degenerated while it learned to please a judge, the known failure of reward
 * optimisation on text ("good good good"): its held-out responses become repetitive (distinct-n falls) and
 * improbable under the base policy (their perplexity under π_0 rises), long before the judge notices.
 *
 * <pre>
 *   perplexity_0 = exp( − Σ_n log π_0(y_n | x_n) / Σ_n |y_n| )      over π_t's held-out responses y_n
 *   distinct-n   = |distinct word n-grams| / |word n-grams|          (Li et al. 2016)
 * </pre>
 *
 * Each response is scored with its stop token, as the trainer scores it ({@link SequenceScorer}).
 *
 * @param perplexityUnderBase perplexity_0 of the responses, per token
 * @param distinct1 distinct-1 of the responses
 * @param distinct2 distinct-2 of the responses
 */
public record Degeneration(double perplexityUnderBase, double distinct1, double distinct2) {

    private static final int SCORING_BATCH = 64;

    /**
     * @param responses π_t's responses to {@code prompts}
     * @param prompts the held-out prompts as token ids, indexed like the responses
     * @param base π_0, sharing π_t's tokenizer
     */
    public static Degeneration of(HeldOutResponses responses, List<int[]> prompts, Policy base) {
        List<int[]> promptIds = new ArrayList<>();
        List<int[]> responseIds = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < prompts.size(); i++) {
            for (int[] response : responses.ids().get(i)) {
                promptIds.add(prompts.get(i));
                responseIds.add(response);
                tokens += response.length;
            }
        }
        double logProb = 0;
        for (double value : new SequenceScorer(base.model(), base.padId()).score(promptIds, responseIds,
                SCORING_BATCH)) {
            logProb += value;
        }
        List<String> texts = responses.texts().stream().flatMap(List::stream).toList();
        double perplexity = tokens == 0 ? Double.NaN : Math.exp(-logProb / tokens);
        return new Degeneration(perplexity, DistinctN.of(texts, 1), DistinctN.of(texts, 2));
    }
}
