package dev.sppo.preference;

import java.util.List;
import java.util.Objects;

/**
 * The default preference model of the built-in tasks: a pointwise {@link Judge} read as a
 * Bradley-Terry reward model.
 *
 * <p>With the judge's scores as rewards {@code r_i} ({@code rewards}) and the temperature
 * {@code tau} ({@code tau}):
 * <pre>  s_i = r_i / tau,   P[i][j] = sigmoid(s_i - s_j) = sigmoid((r_i - r_j) / tau)</pre>
 * The result's scores are {@code s}, so the winner and the loser are the best and the worst graded responses.
 */
public final class JudgePreferenceModel implements PreferenceModel {

    private final Judge judge;
    private final double tau;

    /**
     * @param judge grades each response in [0, 1]
     * @param tau positive, finite temperature: with scores in [0, 1], tau = 0.1 turns a full-score gap into P = 0.99995
     */
    public JudgePreferenceModel(Judge judge, double tau) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.tau = Checks.requireTemperature(tau);
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        Objects.requireNonNull(prompt, "prompt");
        PreferenceModel.requireComparable(responses);
        double[] strengths = new double[responses.size()];
        for (int i = 0; i < strengths.length; i++) {
            strengths[i] = reward(prompt, responses.get(i), i) / tau;
        }
        return new PreferenceResult(BradleyTerry.fromStrengths(strengths), strengths);
    }

    private double reward(String prompt, String response, int index) {
        double r = judge.score(prompt, response);
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalStateException("judge scored response " + index + " with " + r + ", outside [0, 1]");
        }
        return r;
    }
}
