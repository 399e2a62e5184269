package dev.sppo.evaluation;

import dev.sppo.preference.Judge;

import java.util.List;

/**
 * A policy's decoded responses on the evaluation prompts and their gold scores.
 *
 * @param texts texts.get(i).get(k): response k to prompt i
 * @param scores scores[i][k]: the gold judge's score of that response in [0, 1]
 */
public record PolicyResponses(List<List<String>> texts, double[][] scores) {

    /**
     * The responses graded by a gold judge, prompt by prompt in order.
     *
     * @param prompts the prompt texts, indexed like {@code texts}
     */
    public static PolicyResponses graded(List<String> prompts, List<List<String>> texts, Judge judge) {
        double[][] scores = new double[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            String prompt = prompts.get(i);
            scores[i] = texts.get(i).stream().mapToDouble(text -> judge.score(prompt, text)).toArray();
        }
        return new PolicyResponses(texts, scores);
    }

    /** Mean gold score over every response: the task score. */
    public double meanScore() {
        double sum = 0;
        int n = 0;
        for (double[] row : scores) {
            for (double s : row) {
                sum += s;
                n++;
            }
        }
        return sum / n;
    }

    /** Fraction of responses with a perfect score (exact match). */
    public double exactMatch() {
        int hits = 0;
        int n = 0;
        for (double[] row : scores) {
            for (double s : row) {
                hits += s >= 1.0 ? 1 : 0;
                n++;
            }
        }
        return (double) hits / n;
    }

    /** Mean response length in characters. */
    public double meanLength() {
        return texts.stream().flatMap(List::stream).mapToInt(String::length).average().orElse(0);
    }

    /** This policy's win rate against another on the same prompts, response k against response k. */
    public WinRate against(PolicyResponses other) {
        WinRate.Tally tally = new WinRate.Tally();
        for (int i = 0; i < scores.length; i++) {
            for (int k = 0; k < scores[i].length; k++) {
                tally.add(Double.compare(scores[i][k], other.scores[i][k]));
            }
        }
        return tally.result();
    }
}
