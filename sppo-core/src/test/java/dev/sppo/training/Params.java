package dev.sppo.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;

/** Trainable parameters with chosen values and gradients. */
final class Params {

    private Params() {
    }

    /** A trainable float32 parameter holding {@code values}. */
    static Parameter of(NDManager manager, String name, float... values) {
        NDArray array = manager.create(values);
        array.setRequiresGradient(true);
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(values.length))
                .optArray(array)
                .build();
    }

    /**
     * Makes autograd leave exactly {@code gradients[i]} on {@code params[i]}: zeroes the gradients,
     * then back-propagates sum_i sum(w_i * c_i) with c_i = gradients[i].
     */
    static void setGradients(NDManager manager, List<Parameter> params, float[]... gradients) {
        Gradients.zero(params);
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = scope.zeros(new Shape());
            for (int i = 0; i < gradients.length; i++) {
                loss = loss.add(params.get(i).getArray().mul(scope.create(gradients[i])).sum());
            }
            collector.backward(loss);
        }
    }

    /** The parameter's current values. */
    static float[] values(Parameter param) {
        return param.getArray().toFloatArray();
    }

    /** The parameter's current gradient. */
    static float[] gradient(Parameter param) {
        return param.getArray().getGradient().toFloatArray();
    }
}
