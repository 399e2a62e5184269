package dev.sppo.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/** Gradients of a scalar function of 1-D arrays, by autograd and by central differences. */
final class GradientCheck {

    private static final double STEP = 1e-6;

    private GradientCheck() {
    }

    /**
     * The gradient of {@code f} with respect to {@code inputs[wrt]} by DJL autograd, with the inputs
     * in {@code type}. With {@code collectGarbage}, the JVM collects garbage between the forward and
     * the backward pass, which frees any Java-allocated constant that the graph still needs.
     */
    static double[] autograd(NDManager manager, DataType type, double[][] inputs, int wrt,
            Function<NDArray[], NDArray> f, boolean collectGarbage) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray[] arrays = Pairs.arrays(scope, type, inputs);
            arrays[wrt].setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = f.apply(arrays);
                if (collectGarbage) {
                    collectGarbage();
                }
                collector.backward(loss);
            }
            return arrays[wrt].getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** The same gradient by central differences of {@code f} evaluated in float64. */
    static double[] centralDifferences(NDManager manager, double[][] inputs, int wrt, Function<NDArray[], NDArray> f) {
        double[] gradient = new double[inputs[wrt].length];
        for (int i = 0; i < gradient.length; i++) {
            double up = evaluate(manager, shifted(inputs, wrt, i, STEP), f);
            double down = evaluate(manager, shifted(inputs, wrt, i, -STEP), f);
            gradient[i] = (up - down) / (2 * STEP);
        }
        return gradient;
    }

    private static double evaluate(NDManager manager, double[][] inputs, Function<NDArray[], NDArray> f) {
        try (NDManager scope = manager.newSubManager()) {
            return Pairs.value(f.apply(Pairs.arrays(scope, DataType.FLOAT64, inputs)));
        }
    }

    private static double[][] shifted(double[][] inputs, int column, int index, double delta) {
        double[][] copy = inputs.clone();
        copy[column] = inputs[column].clone();
        copy[column][index] += delta;
        return copy;
    }

    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            byte[][] churn = new byte[64][];
            for (int j = 0; j < churn.length; j++) {
                churn[j] = new byte[1 << 16];
            }
            System.runFinalization();
        }
    }
}
