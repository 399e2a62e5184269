package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * A scalar loss over values the model computes row by row, the shape of every trainer's objective here:
 *
 * <pre>
 *   ℓ = L(v_1, …, v_B),   v_r = f_θ(row r)      e.g. v_r = log π_θ(y_r | x_r), a sequence log-prob
 * </pre>
 *
 * The expensive part, f_θ, sees one slice of rows at a time, so slices can run on separate threads
 * ({@link ThreadDataParallel}); L sees all B values, concatenated in row order, so it may couple rows (pairs,
 * batch means).
 *
 * @param rows B, at least 1
 * @param values f_θ over a slice of rows
 * @param loss L: all B rows' values, concatenated along the first axis in row order, to a scalar
 */
public record RowLoss(int rows, RowValues values, UnaryOperator<NDArray> loss) {

    public RowLoss {
        if (rows < 1) {
            throw new IllegalArgumentException("a loss needs at least one row, got " + rows);
        }
    }

    /** f_θ over rows {@code from} (inclusive) to {@code to} (exclusive): differentiable, first axis the rows. */
    @FunctionalInterface
    public interface RowValues {
        NDArray of(int from, int to);
    }
}
