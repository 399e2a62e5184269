package dev.sppo.preference.learned;

import ai.djl.nn.Parameter;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.TrainableModel;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the learned preference models share: a {@link HeadedBackbone}, its tokenizer and the order of its head
 * tensors. Owns both: {@link #close()} frees the weights and the tokenizer.
 */
public abstract class HeadedModel implements TrainableModel {

    private final HeadedBackbone weights;
    private final TextTokenizer tokenizer;
    private final List<String> headNames;

    protected HeadedModel(HeadedBackbone weights, TextTokenizer tokenizer, List<String> headNames) {
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.headNames = List.copyOf(headNames);
    }

    /** Writes the model's checkpoint directory, replacing {@code dir}. */
    @Override
    public abstract void save(Path dir) throws IOException;

    /** The backbone's parameters in checkpoint order, then the head's. */
    @Override
    public List<Parameter> parameters() {
        return weights.parameters(headNames);
    }

    /** Switches gradient recording on (training) or off. */
    @Override
    public void setTrainable(boolean trainable) {
        weights.setTrainable(trainable);
    }

    public HeadedBackbone weights() {
        return weights;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** The head tensors in checkpoint order. */
    public List<String> headNames() {
        return headNames;
    }

    @Override
    public void close() {
        weights.close();
        tokenizer.close();
    }
}
