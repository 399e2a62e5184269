package dev.sppo.contracts;

import java.util.List;

/**
 * One prompt's responses with their preferences: the unit the trainer stores, keyed by (job, iteration,
 * prompt).
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param responses the generator's message, carried through unchanged
 * @param matrix the K×K matrix P[i][j] = P(y_i ≻ y_j | x)
 * @param winRates P̂_i = (1/K) Σ_j P[i][j]
 * @param scores the aggregate scores s_i used for winner/loser selection
 * @param winner argmax s
 * @param loser argmin s
 */
public record ScoredPrompt(
        int version, SampledResponses responses, List<List<Double>> matrix, List<Double> winRates,
        List<Double> scores, int winner, int loser) {

    public ScoredPrompt {
        Require.version("ScoredPrompt", version);
        if (responses == null) {
            throw new InvalidMessageException("ScoredPrompt.responses: required, got null");
        }
        int k = responses.responses().size();
        matrix = Require.list("ScoredPrompt", "matrix", matrix).stream()
                .map(row -> Require.list("ScoredPrompt", "matrix[]", row)).toList();
        winRates = Require.list("ScoredPrompt", "winRates", winRates);
        scores = Require.list("ScoredPrompt", "scores", scores);
        if (matrix.size() != k || winRates.size() != k || scores.size() != k
                || matrix.stream().anyMatch(row -> row.size() != k)) {
            throw new InvalidMessageException("ScoredPrompt: matrix, winRates and scores must all be sized K = " + k);
        }
        if (winner < 0 || winner >= k || loser < 0 || loser >= k) {
            throw new InvalidMessageException("ScoredPrompt.winner/loser: must be in [0, " + k + "), got "
                    + winner + ", " + loser);
        }
    }

    public String key() {
        return responses.request().promptId();
    }
}
