package dev.sppo.preference;

/**
 * The winner and the loser of one prompt's K responses, as the official SPPO code picks them:
 * <pre>  winner = argmax_i s_i,   loser = argmin_i s_i</pre>
 * over the scores {@code s} ({@code scores}), ties going to the lowest index (numpy's
 * {@code argmax}/{@code argmin}).
 *
 * <p>When all scores are equal both are response 0, again as in numpy. Such a pair teaches the
 * trainer nothing, so {@link #isInformative()} is false and a trainer may skip the prompt.
 */
public record Selected(int winner, int loser) {

    public Selected {
        if (winner < 0 || loser < 0) {
            throw new IllegalArgumentException(
                    "winner and loser must be response indices >= 0, got winner " + winner + ", loser " + loser);
        }
    }

    /** Picks argmax and argmin of {@code scores} (lowest index on ties); needs at least one finite score. */
    public static Selected of(double[] scores) {
        Checks.requireFinite(scores, "scores");
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores must not be empty");
        }
        int winner = 0;
        int loser = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[winner]) {
                winner = i;
            }
            if (scores[i] < scores[loser]) {
                loser = i;
            }
        }
        return new Selected(winner, loser);
    }

    /** False when winner and loser are the same response, that is when all scores are equal. */
    public boolean isInformative() {
        return winner != loser;
    }
}
