package dev.sppo.preference;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link PreferenceModel} says about one prompt's K responses: the preference matrix P and
 * the per-response scores s used to pick the winner and the loser (see {@link Selected}).
 *
 * <p>The record copies {@code scores} on the way in and on the way out.
 */
public record PreferenceResult(PreferenceMatrix matrix, double[] scores) {

    /**
     * @throws IllegalArgumentException when {@code scores} does not hold one finite score per response of {@code matrix}
     */
    public PreferenceResult {
        Objects.requireNonNull(matrix, "matrix");
        scores = Checks.requireFinite(scores, "scores").clone();
        if (scores.length != matrix.size()) {
            throw new IllegalArgumentException("scores hold " + scores.length
                    + " entries but the preference matrix compares K = " + matrix.size() + " responses");
        }
    }

    /**
     * A Bradley-Terry reward model's result: {@code P[i][j] = sigmoid((r_i - r_j) / tau)} ({@link
     * BradleyTerry#fromRewards}), the scores being the rewards r.
     */
    public static PreferenceResult ofRewards(double[] rewards, double tau) {
        return new PreferenceResult(BradleyTerry.fromRewards(rewards, tau), rewards);
    }

    /** A copy of the scores s. */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** {@code Phat_i}, see {@link PreferenceMatrix#winRates()}. */
    public double[] winRates() {
        return matrix.winRates();
    }

    /** Winner and loser of the scores. */
    public Selected selected() {
        return Selected.of(scores);
    }

    /** argmax s, lowest index on ties. */
    public int winner() {
        return selected().winner();
    }

    /** argmin s, lowest index on ties. */
    public int loser() {
        return selected().loser();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreferenceResult that
                && matrix.equals(that.matrix) && Arrays.equals(scores, that.scores);
    }

    @Override
    public int hashCode() {
        return 31 * matrix.hashCode() + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "PreferenceResult[matrix=" + matrix + ", scores=" + Arrays.toString(scores) + "]";
    }
}
