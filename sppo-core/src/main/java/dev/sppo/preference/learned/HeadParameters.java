package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.WeightSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a task head, named like their checkpoint tensors and frozen until training starts. */
public final class HeadParameters {

    private HeadParameters() {}

    /** One parameter per spec, in {@code manager}, with the values {@code weights} supplies, in spec order. */
    public static Map<String, Parameter> create(NDManager manager, List<LlamaLayout.TensorSpec> specs,
            WeightSource weights) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (LlamaLayout.TensorSpec spec : specs) {
            Parameter p = Parameter.builder().setName(spec.name()).setType(Parameter.Type.WEIGHT)
                    .optArray(manager.create(weights.values(spec), new Shape(spec.shape())))
                    .optRequiresGrad(false).build();
            parameters.put(spec.name(), p);
        }
        return parameters;
    }
}
