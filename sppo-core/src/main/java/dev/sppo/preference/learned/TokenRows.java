package dev.sppo.preference.learned;

import java.util.Arrays;
import java.util.List;

/**
 * A right-padded (N, W) block of token rows and, for each row, a one-hot mask of its last real token. With right
 * padding the causal mask alone keeps real tokens from seeing the padding, and positions are simply 0..W-1.
 *
 * @param rows N
 * @param width W, the longest row
 * @param ids (N, W) token ids, row-major
 * @param lastToken (N, W) 1 at column |row_n| - 1 of row n, 0 elsewhere
 */
public record TokenRows(int rows, int width, long[] ids, float[] lastToken) {

    /**
     * @param sequences the rows, each non-empty with ids in [0, vocab)
     * @param maxLength the longest row allowed (the model's {@code max_position_embeddings})
     * @throws IllegalArgumentException naming the row when one is empty, too long or outside the vocabulary
     */
    public static TokenRows of(List<int[]> sequences, int padId, int vocab, int maxLength) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("nothing to score: no token rows");
        }
        int width = 0;
        for (int r = 0; r < sequences.size(); r++) {
            width = Math.max(width, checked(sequences.get(r), r, vocab, maxLength).length);
        }
        int rows = sequences.size();
        long[] ids = new long[rows * width];
        float[] last = new float[rows * width];
        Arrays.fill(ids, padId);
        for (int r = 0; r < rows; r++) {
            int[] row = sequences.get(r);
            for (int t = 0; t < row.length; t++) {
                ids[r * width + t] = row[t];
            }
            last[r * width + row.length - 1] = 1f;
        }
        return new TokenRows(rows, width, ids, last);
    }

    private static int[] checked(int[] row, int index, int vocab, int maxLength) {
        if (row.length == 0) {
            throw new IllegalArgumentException("row " + index + " is empty: it needs at least one token");
        }
        if (row.length > maxLength) {
            throw new IllegalArgumentException("row " + index + " has " + row.length
                    + " tokens, more than max_position_embeddings = " + maxLength);
        }
        for (int id : row) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("row " + index + ": token id " + id
                        + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        return row;
    }
}
