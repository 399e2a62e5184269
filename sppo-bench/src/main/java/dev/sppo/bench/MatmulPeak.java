package dev.sppo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's practical float32 peak: the rate of one N×N by N×N {@link NDArray#matMul},
 *
 * <pre>
 *   GFLOP/s = 2·N³ / t / 10⁹
 * </pre>
 *
 * with t the wall time of one product. The operands stay allocated between products, so repeated calls
 * time the kernel alone (plus one result allocation).
 */
public final class MatmulPeak implements AutoCloseable {

    private final NDArray left;
    private final NDArray right;
    private final double flops;

    public MatmulPeak(NDManager manager, int size) {
        Shape square = new Shape(size, size);
        this.left = manager.randomUniform(-1f, 1f, square, DataType.FLOAT32);
        this.right = manager.randomUniform(-1f, 1f, square, DataType.FLOAT32);
        this.flops = FlopCount.squareMatmul(size);
    }

    /** Runs {@code times} untimed products. */
    public void warmUp(int times) {
        for (int i = 0; i < times; i++) {
            multiplyOnce();
        }
    }

    /** GFLOP/s of each of {@code repeats} timed products. */
    public double[] measure(int repeats) {
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            rates[i] = FlopCount.gflopsPerSecond(flops, multiplyOnce() / 1e6);
        }
        return rates;
    }

    /** The best GFLOP/s of {@code repeats} timed products. */
    public double best(int repeats) {
        return Spread.of(measure(repeats)).best();
    }

    /** Nanoseconds of one product. */
    private long multiplyOnce() {
        long start = System.nanoTime();
        try (NDArray product = left.matMul(right)) {
            return Math.max(1, System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
        left.close();
        right.close();
    }
}
