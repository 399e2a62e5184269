package dev.sppo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Shape checks, scalar constants and read-outs shared by the batch records and the losses. */
final class Vectors {

    private Vectors() {
    }

    /**
     * Checks that every array is 1-D, non-empty and as long as the first.
     *
     * @param owner the record being built, for the message
     * @param names the component names, in the order of {@code arrays}
     * @param arrays the components
     * @return the common length
     */
    static long requireSameLengthVectors(String owner, String[] names, NDArray... arrays) {
        long length = -1;
        for (int i = 0; i < arrays.length; i++) {
            String field = owner + "." + names[i];
            if (arrays[i] == null) {
                throw new IllegalArgumentException(field + " must not be null");
            }
            Shape shape = arrays[i].getShape();
            if (shape.dimension() != 1 || shape.get(0) == 0) {
                throw new IllegalArgumentException(field + " must be a non-empty 1-D array, got shape " + shape);
            }
            if (length >= 0 && shape.get(0) != length) {
                throw new IllegalArgumentException(field + " has length " + shape.get(0) + " but "
                        + owner + "." + names[0] + " has length " + length);
            }
            length = shape.get(0);
        }
        return length;
    }

    /**
     * A 0-D constant for multiplying {@code like} under autograd, allocated natively by the
     * array's own manager so that it lives as long as the batch (DJL pitfall 1: a Java number
     * passed to {@code mul} is freed before the backward pass reads it).
     */
    static NDArray scalar(NDArray like, double value) {
        DataType type = like.getDataType();
        return like.getManager().full(new Shape(), (float) value, type);
    }

    /** Copies a 1-D array into Java doubles. */
    static double[] toDoubles(NDArray array) {
        return array.toType(DataType.FLOAT64, false).toDoubleArray();
    }
}
