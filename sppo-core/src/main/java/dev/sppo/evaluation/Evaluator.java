package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.preference.Judge;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.task.Prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates responses to fixed held-out prompts and grades them with a gold judge, so that policies can be
 * compared head to head (AlpacaEval style: ties count as half) and by the task's own score.
 */
public final class Evaluator {

    private final List<Prompt> prompts;
    private final Judge judge;
    private final EvaluationConfig config;

    public Evaluator(List<Prompt> prompts, Judge judge, EvaluationConfig config) {
        this.prompts = List.copyOf(prompts);
        this.judge = judge;
        this.config = config;
    }

    /** The held-out prompt texts, indexed like every {@link PolicyResponses} this evaluator produces. */
    public List<String> promptTexts() {
        return prompts.stream().map(Prompt::text).toList();
    }

    public PolicyResponses responses(Policy policy) {
        List<List<Sample>> samples = BatchedSampling.sample(policy, promptTexts(),
                config.sampling(), done -> { });
        List<List<String>> texts = new ArrayList<>();
        double[][] scores = new double[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            List<String> row = samples.get(i).stream().map(x -> policy.tokenizer().decode(x.tokenIds())).toList();
            String prompt = prompts.get(i).text();
            scores[i] = row.stream().mapToDouble(text -> judge.score(prompt, text)).toArray();
            texts.add(row);
        }
        return new PolicyResponses(texts, scores);
    }
}
