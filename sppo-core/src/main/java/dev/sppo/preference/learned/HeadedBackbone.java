package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.WeightSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A LLaMA backbone with the parameters of a task head, all held by one sub-manager that {@link #close()} frees.
 *
 * @param manager the sub-manager holding every weight
 * @param backbone the transformer
 * @param heads the head parameters by tensor name
 */
public record HeadedBackbone(NDManager manager, Llama backbone, Map<String, Parameter> heads)
        implements AutoCloseable {

    public HeadedBackbone {
        heads = Map.copyOf(heads);
    }

    /** Fresh weights: the backbone seeded by {@code seed}, the heads by {@code seed + 1} (see {@link WeightSource#random}). */
    public static HeadedBackbone random(LlamaConfig config, List<LlamaLayout.TensorSpec> headSpecs, NDManager parent,
            long seed) {
        return create(config, WeightSource.random(config.initializerRange(), seed), headSpecs, parent, seed);
    }

    /** The backbone's weights from {@code backboneWeights}, fresh heads seeded by {@code seed + 1}. */
    public static HeadedBackbone create(LlamaConfig config, WeightSource backboneWeights,
            List<LlamaLayout.TensorSpec> headSpecs, NDManager parent, long seed) {
        NDManager owner = parent.newSubManager();
        Llama backbone = new Llama(config, owner, backboneWeights);
        return new HeadedBackbone(owner, backbone,
                HeadParameters.create(owner, headSpecs, WeightSource.random(config.initializerRange(), seed + 1)));
    }

    /** The head parameter {@code name}. */
    public Parameter head(String name) {
        Parameter p = heads.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no head parameter named '" + name + "'");
        }
        return p;
    }

    /** The backbone's parameters in checkpoint order, then the heads' in {@code headNames} order. */
    public List<Parameter> parameters(List<String> headNames) {
        List<Parameter> all = new ArrayList<>(backbone.parameterList());
        headNames.forEach(name -> all.add(head(name)));
        return all;
    }

    /** Switches gradient recording on or off for the backbone and the heads. */
    public void setTrainable(boolean trainable) {
        backbone.setTrainable(trainable);
        heads.values().forEach(p -> p.freeze(!trainable));
    }

    @Override
    public void close() {
        backbone.close();
        manager.close();
    }
}
