package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.preference.Judge;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;

import java.util.List;

/**
 * Generates responses to fixed held-out prompts and grades them with a gold judge, so that policies can be
 * compared head to head (AlpacaEval style: ties count as half) and by the task's own score.
 */
public final class Evaluator {

    private final List<String> prompts;
    private final Judge judge;
    private final EvaluationConfig config;

    /** @param prompts the held-out prompt texts, as the gold judge reads them and the policy is conditioned on */
    public Evaluator(List<String> prompts, Judge judge, EvaluationConfig config) {
        this.prompts = List.copyOf(prompts);
        this.judge = judge;
        this.config = config;
    }

    /** The held-out prompt texts, indexed like every {@link PolicyResponses} this evaluator produces. */
    public List<String> promptTexts() {
        return prompts;
    }

    public PolicyResponses responses(Policy policy) {
        List<List<Sample>> samples = BatchedSampling.sample(policy, prompts, config.sampling(), done -> { });
        List<List<String>> texts = samples.stream()
                .map(row -> row.stream().map(x -> policy.tokenizer().decode(x.tokenIds())).toList()).toList();
        return PolicyResponses.graded(prompts, texts, judge);
    }
}
