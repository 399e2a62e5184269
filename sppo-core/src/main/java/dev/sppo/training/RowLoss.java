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
 * batch means). L may also measure the step on the way (the values are gone once the step is over), and the
 * step hands back what it measured.
 *
 * @param <M> what L measures beside ℓ, such as the batch's metrics; {@link Void} for nothing
 * @param rows B, at least 1
 * @param values f_θ over a slice of rows
 * @param loss L: all B rows' values, concatenated along the first axis in row order, to a scalar
 */
public record RowLoss<M>(int rows, RowValues values, Objective<M> loss) {

    public RowLoss {
        if (rows < 1) {
            throw new IllegalArgumentException("a loss needs at least one row, got " + rows);
        }
    }

    /** A loss that measures nothing beside ℓ. */
    public static RowLoss<Void> of(int rows, RowValues values, UnaryOperator<NDArray> loss) {
        return new RowLoss<>(rows, values, all -> new Evaluation<>(loss.apply(all), null));
    }

    /** f_θ over rows {@code from} (inclusive) to {@code to} (exclusive): differentiable, first axis the rows. */
    @FunctionalInterface
    public interface RowValues {
        NDArray of(int from, int to);
    }

    /** L over all B rows' values. */
    @FunctionalInterface
    public interface Objective<M> {
        Evaluation<M> of(NDArray values);
    }

    /**
     * What L gave.
     *
     * @param loss ℓ, a differentiable scalar
     * @param measured what L read from the values without touching their gradients
     */
    public record Evaluation<M>(NDArray loss, M measured) {}
}
