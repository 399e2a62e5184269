package dev.sppo.preference;

import java.util.stream.IntStream;

/** Which of a prompt's K responses enter the SPPO loss. */
public enum Selection {

    /**
     * The official choice: the winner (argmax s) and the loser (argmin s), see {@link Selected};
     * both indices are 0 when all scores are equal.
     */
    WINNER_LOSER,

    /** Every response, 0..K-1. */
    ALL;

    /** The indices of the selected responses, given their scores {@code s}. */
    public int[] select(double[] scores) {
        return switch (this) {
            case WINNER_LOSER -> {
                Selected selected = Selected.of(scores);
                yield new int[] {selected.winner(), selected.loser()};
            }
            case ALL -> IntStream.range(0, Checks.requireFinite(scores, "scores").length).toArray();
        };
    }
}
