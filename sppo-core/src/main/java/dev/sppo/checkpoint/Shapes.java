package dev.sppo.checkpoint;

/** Arithmetic on tensor shapes. */
final class Shapes {

    private Shapes() {
    }

    /**
     * The number of elements {@code numel = prod_i shape[i]} (1 for a scalar, shape {@code []}).
     *
     * @throws IllegalArgumentException if a dimension is negative or the product overflows a long
     */
    static long numel(long[] shape) {
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("dimension " + i + " is negative (" + shape[i] + ")");
            }
            try {
                numel = Math.multiplyExact(numel, shape[i]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("element count of the shape overflows a long", e);
            }
        }
        return numel;
    }
}
