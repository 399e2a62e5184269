package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.scoring.SequenceScorer;
import dev.sppo.task.Prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates KL(π_t ‖ π_0) on held-out prompts ({@link KlEstimate}): samples K responses per prompt from π_t at
 * temperature 1 with no top-k/top-p truncation (so that y really is drawn from π_t), then scores each response,
 * stop token included, teacher-forced under both policies with {@link SequenceScorer}. Scoring both sides the
 * same way makes the estimate exactly 0 when π_t is π_0.
 */
public final class KlEstimator {

    private static final int SCORING_BATCH = 64;

    private final List<Prompt> prompts;
    private final SamplingParams sampling;

    /**
     * @param prompts held-out prompts x_n
     * @param samplesPerPrompt responses drawn per prompt
     * @param maxNewTokens the response length bound the policies were trained with
     * @param seed seeds the sampler
     */
    public KlEstimator(List<Prompt> prompts, int samplesPerPrompt, int maxNewTokens, long seed) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a KL estimate needs at least one prompt");
        }
        this.prompts = List.copyOf(prompts);
        this.sampling = new SamplingParams(maxNewTokens, 1.0, 0, 1.0, samplesPerPrompt, seed);
    }

    /** KL(policy ‖ base); both must share one tokenizer. */
    public KlEstimate estimate(Policy policy, Policy base) {
        List<List<Sample>> samples = BatchedSampling.sample(policy, prompts.stream().map(Prompt::text).toList(),
                sampling, done -> { });
        List<int[]> promptIds = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            int[] prompt = policy.tokenizer().encodePrompt(prompts.get(i).text());
            for (Sample s : samples.get(i)) {
                promptIds.add(prompt);
                responses.add(s.responseWithStop());
            }
        }
        double[] policyLogProbs = new SequenceScorer(policy.model(), policy.padId())
                .score(promptIds, responses, SCORING_BATCH);
        double[] baseLogProbs = new SequenceScorer(base.model(), base.padId())
                .score(promptIds, responses, SCORING_BATCH);
        return KlEstimate.of(policyLogProbs, baseLogProbs);
    }
}
