package dev.sppo.preferences;

import dev.sppo.preference.PreferenceResult;

import java.util.Arrays;
import java.util.List;

/**
 * One prompt's preferences, as {@code POST /preferences} returns them and {@code ScoredPrompt} carries them.
 *
 * @param matrix P[i][j] = P(y_i ≻ y_j | x), with P[i][i] = 1/2 and P[i][j] + P[j][i] = 1
 * @param winRates P̂_i = (1/K) Σ_j P[i][j], the self term 1/2 included
 * @param scores the scores s_i that rank the responses: r_i / τ for a gold judge, P̂_i for an LLM judge or an ensemble
 * @param winner argmax s (lowest index on ties)
 * @param loser argmin s (lowest index on ties)
 */
record Preferences(List<List<Double>> matrix, List<Double> winRates, List<Double> scores, int winner, int loser) {

    static Preferences of(PreferenceResult result) {
        List<List<Double>> matrix = Arrays.stream(result.matrix().p()).map(Preferences::boxed).toList();
        return new Preferences(matrix, boxed(result.winRates()), boxed(result.scores()), result.winner(),
                result.loser());
    }

    /** K(K-1)/2: the distinct pairs the matrix compares. */
    int pairs() {
        int k = scores.size();
        return k * (k - 1) / 2;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
