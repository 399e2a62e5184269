package dev.sppo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Builds batches from Java numbers and reads losses back. */
final class Pairs {

    /**
     * Two pairs with log-ratios a = [0.5, -1.0] and b = [-1.0, 0.5]:
     * a = policyChosen - referenceChosen = [-1.0 - (-1.5), -2.0 - (-1.0)],
     * b = policyRejected - referenceRejected = [-3.0 - (-2.0), -0.5 - (-1.0)];
     * win rates Phat_w = [0.75, 0.6], Phat_l = [0.25, 0.4].
     */
    static final double[][] EXAMPLE = {
        {-1.0, -2.0}, {-3.0, -0.5}, {-1.5, -1.0}, {-2.0, -1.0}, {0.75, 0.6}, {0.25, 0.4}
    };

    private Pairs() {
    }

    /** A batch whose six components, in record order, hold {@code columns}, as float32. */
    static PairBatch batch(NDManager manager, double[][] columns) {
        NDArray[] arrays = arrays(manager, DataType.FLOAT32, columns);
        return new PairBatch(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5]);
    }

    /** One 1-D array of the given type per column. */
    static NDArray[] arrays(NDManager manager, DataType type, double[][] columns) {
        NDArray[] arrays = new NDArray[columns.length];
        for (int i = 0; i < columns.length; i++) {
            arrays[i] = manager.create(columns[i]).toType(type, false);
        }
        return arrays;
    }

    /** A pair batch built from arrays in record order. */
    static PairBatch of(NDArray[] arrays) {
        return new PairBatch(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5]);
    }

    /** The value of a 0-D loss. */
    static double value(NDArray loss) {
        return loss.toType(DataType.FLOAT64, false).getDouble();
    }
}
