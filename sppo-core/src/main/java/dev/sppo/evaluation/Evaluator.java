package dev.sppo.evaluation;

import dev.sppo.model.Policy;
import dev.sppo.preference.Judge;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.task.Prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates responses to fixed held-out prompts and grades them with a gold judge, so that policies can be
 * compared head to head (AlpacaEval style: ties count as half) and by the task's own score.
 */
public final class Evaluator {

    private static final int PROMPTS_PER_BATCH = 64;

    private final List<Prompt> prompts;
    private final Judge judge;
    private final EvaluationConfig config;

    public Evaluator(List<Prompt> prompts, Judge judge, EvaluationConfig config) {
        this.prompts = List.copyOf(prompts);
        this.judge = judge;
        this.config = config;
    }

    public PolicyResponses responses(Policy policy) {
        Sampler sampler = new Sampler(policy.model(), policy.stopIds(), policy.padId());
        int k = config.sampling().numSamples();
        List<List<String>> texts = new ArrayList<>();
        double[][] scores = new double[prompts.size()][k];
        for (int start = 0; start < prompts.size(); start += PROMPTS_PER_BATCH) {
            List<Prompt> batch = prompts.subList(start, Math.min(prompts.size(), start + PROMPTS_PER_BATCH));
            List<int[]> ids = batch.stream().map(p -> policy.tokenizer().encodePrompt(p.text())).toList();
            List<Sample> samples = sampler.sample(ids, config.sampling().withSeed(config.sampling().seed() + start));
            for (int i = 0; i < batch.size(); i++) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    String text = policy.tokenizer().decode(samples.get(i * k + j).tokenIds());
                    row.add(text);
                    scores[start + i][j] = judge.score(batch.get(i).text(), text);
                }
                texts.add(row);
            }
        }
        return new PolicyResponses(texts, scores);
    }
}
