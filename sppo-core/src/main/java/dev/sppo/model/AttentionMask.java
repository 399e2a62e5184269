package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention biases: 0 where query q may attend to key k, {@link #BLOCKED} elsewhere. A large finite
 * negative (not -∞) keeps rows with no visible key (left padding) finite after softmax.
 */
public final class AttentionMask {

    /** Added to the scores of blocked keys: exp(BLOCKED - max) underflows to exactly 0 in float32. */
    public static final float BLOCKED = -1e9f;

    private AttentionMask() {}

    /** A (1, 1, T, T) causal bias: key k is visible to query q iff k ≤ q. */
    public static NDArray causal(NDManager manager, int length) {
        float[] bias = new float[length * length];
        for (int q = 0; q < length; q++) {
            for (int k = q + 1; k < length; k++) {
                bias[q * length + k] = BLOCKED;
            }
        }
        return manager.create(bias, new Shape(1, 1, length, length));
    }

    /**
     * A (B, 1, T_q, T_past + T_q) bias for rows with padding: key k is visible to query q iff
     * {@code keyValid[b][k]} and k ≤ T_past + q.
     */
    public static NDArray padded(NDManager manager, boolean[][] keyValid, int pastLength, int queryLength) {
        int rows = keyValid.length;
        int keys = pastLength + queryLength;
        float[] bias = new float[rows * queryLength * keys];
        for (int b = 0; b < rows; b++) {
            for (int q = 0; q < queryLength; q++) {
                int base = (b * queryLength + q) * keys;
                for (int k = 0; k < keys; k++) {
                    if (!keyValid[b][k] || k > pastLength + q) {
                        bias[base + k] = BLOCKED;
                    }
                }
            }
        }
        return manager.create(bias, new Shape(rows, 1, queryLength, keys));
    }

    /**
     * A (1, 1, T_q, T_past + T_q) sliding-window bias (mistral) to add to a causal one: it blocks key k from query q
     * iff {@code T_past + q - k ≥ window}, so that with the causal mask key k is visible iff {@code T_past + q -
     * window < k ≤ T_past + q}. Columns, not positions, are compared, as transformers compares cache positions:
     * within a left-padded row the two differ by a constant.
     */
    public static NDArray slidingWindow(NDManager manager, int pastLength, int queryLength, int window) {
        int keys = pastLength + queryLength;
        float[] bias = new float[queryLength * keys];
        for (int q = 0; q < queryLength; q++) {
            for (int k = 0; k <= pastLength + q - window; k++) {
                bias[q * keys + k] = BLOCKED;
            }
        }
        return manager.create(bias, new Shape(1, 1, queryLength, keys));
    }
}
