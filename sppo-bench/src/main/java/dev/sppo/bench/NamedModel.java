package dev.sppo.bench;

import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;

/**
 * A model size of the full benchmark, named for the report.
 *
 * @param name what the size stands for (such as "reference")
 * @param model the architecture (random weights)
 */
public record NamedModel(String name, LlamaConfig model) {

    public NamedModel {
        if (name == null || name.isBlank() || model == null) {
            throw new IllegalArgumentException("a model size needs a name and a config");
        }
    }

    /**
     * A vocabulary-256 LLaMA with tied embeddings and 256 positions.
     *
     * @param hidden D; the heads are D / {@code headDim}
     * @param swiGlu the SwiGLU width
     */
    public static NamedModel of(String name, int hidden, int layers, int headDim, int swiGlu) {
        return new NamedModel(name, LlamaConfig.builder().vocabSize(256).hiddenSize(hidden).intermediateSize(swiGlu)
                .numHiddenLayers(layers).numAttentionHeads(hidden / headDim).headDim(headDim)
                .maxPositionEmbeddings(256).build());
    }

    /** Every parameter, the embedding included. */
    public long parameters() {
        return LlamaLayout.tensors(model).stream().mapToLong(LlamaLayout.TensorSpec::numel).sum();
    }

    /** "hidden 256, 4 layers, 8 heads, SwiGLU 1024". */
    public String shape() {
        return "hidden " + model.hiddenSize() + ", " + model.numHiddenLayers() + " layers, "
                + model.numAttentionHeads() + " heads, SwiGLU " + model.intermediateSize();
    }
}
