package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A LLaMA-family decoder-only transformer ({@code LlamaForCausalLM}, and the {@link ModelFamily families} that
 * differ from it in a few options) as a DJL block:
 *
 * <pre>
 *   h_0 = E[ids]                                   token embedding (model.embed_tokens)
 *   h_l = DecoderLayer_l(h_{l-1}),  l = 1..L      pre-norm attention + SwiGLU, see {@link DecoderLayer}
 *   z = RMSNorm(h_L)                               final hidden states, see {@link #hiddenStates}
 *   logits = z W_headᵀ                             W_head = E when tie_word_embeddings
 * </pre>
 *
 * Parameters carry their Hugging Face names, so checkpoints map one to one. The block owns a sub-manager of
 * the manager it was built with; {@link #close()} frees every weight.
 */
public final class Llama extends AbstractBlock implements AutoCloseable {

    private static final byte VERSION = 1;

    private final LlamaConfig config;
    private final NDManager manager;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final RotaryEmbedding rope;
    private final NDArray attentionScale;

    public Llama(LlamaConfig config, NDManager parent, WeightSource weights) {
        super(VERSION);
        this.config = config;
        this.manager = parent.newSubManager();
        for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(config)) {
            NDArray array = nativeCopy(manager.create(weights.values(spec), new Shape(spec.shape())));
            addParameter(Parameter.builder().setName(spec.name()).setType(Parameter.Type.WEIGHT)
                    .optArray(array).optRequiresGrad(false).build());
        }
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(new DecoderLayer(config, i, parameters));
        }
        this.rope = new RotaryEmbedding(manager, config);
        this.attentionScale = manager.full(new Shape(), (float) (1.0 / Math.sqrt(config.headDim())));
    }

    /**
     * A copy of {@code created} in memory that PyTorch allocates, {@code created} closed. An array made from Java
     * values keeps the direct buffer it was copied through for as long as it lives, and direct buffers count
     * against {@code -XX:MaxDirectMemorySize} (by default the heap size): a half-billion-parameter model would
     * need 2 GB of it. The closed array's buffer is freed by the next garbage collection, which the JVM forces
     * when direct memory runs short.
     */
    private static NDArray nativeCopy(NDArray created) {
        NDArray copy = created.duplicate();
        created.close();
        return copy;
    }

    /** A freshly initialised model: weights ~ N(0, initializer_range²), norm gains 1, biases 0; seeded. */
    public static Llama random(LlamaConfig config, NDManager manager, long seed) {
        return new Llama(config, manager, WeightSource.random(config.initializerRange(), seed));
    }

    public LlamaConfig config() {
        return config;
    }

    /**
     * Logits for a batch of token ids.
     *
     * @param ids (B, T) int64 token ids
     * @param positions (B, T) or (1, T) int64 position of each token (its index among the row's real tokens)
     * @param bias additive attention bias broadcastable to (B, H, T, T_past + T), see {@link AttentionMask}; a
     *     mistral model adds its sliding window to it
     * @param cache key/value cache to read and extend, or null
     * @return (B, T, V) float32 logits
     */
    public NDArray forward(NDArray ids, NDArray positions, NDArray bias, KvCache cache) {
        return logits(hiddenStates(ids, positions, bias, cache));
    }

    /** The language-model head applied to final hidden states z: (..., D) to (..., V) logits z W_headᵀ. */
    public NDArray logits(NDArray hiddenStates) {
        String head = config.tieWordEmbeddings() ? LlamaLayout.EMBED : LlamaLayout.LM_HEAD;
        return Linear.linear(hiddenStates, weight(head)).head();
    }

    /**
     * The backbone's final hidden states RMSNorm(h_L), what Hugging Face {@code LlamaModel} returns as {@code
     * last_hidden_state} and what task heads (a reward head, a ranker head) read; arguments as in {@link
     * #forward(NDArray, NDArray, NDArray, KvCache)}.
     *
     * @return (B, T, D) float32 hidden states
     */
    public NDArray hiddenStates(NDArray ids, NDArray positions, NDArray bias, KvCache cache) {
        NDArray h = Embedding.embedding(ids, weight(LlamaLayout.EMBED), SparseFormat.DENSE).head();
        RotaryAngles angles = rope.anglesFor(positions, attentionScale);
        NDArray attentionBias = withSlidingWindow(bias, cache == null ? 0 : cache.length(), ids.getShape().get(1));
        for (DecoderLayer layer : layers) {
            h = layer.forward(h, angles, attentionBias, cache);
        }
        return RmsNorm.apply(h, weight(LlamaLayout.FINAL_NORM), config.rmsNormEps());
    }

    /**
     * {@code bias} plus the sliding-window bias of {@link AttentionMask#slidingWindow} once the T_past + T keys
     * reach further back than the config's window; {@code bias} itself otherwise.
     */
    private NDArray withSlidingWindow(NDArray bias, long pastLength, long queryLength) {
        Integer window = config.slidingWindow();
        if (window == null || pastLength + queryLength <= window) {
            return bias;
        }
        return bias.add(AttentionMask.slidingWindow(bias.getManager(), Math.toIntExact(pastLength),
                Math.toIntExact(queryLength), window));
    }

    /** Logits for unpadded (B, T) ids with positions 0..T-1 and a causal mask. */
    public NDArray forward(NDArray ids) {
        NDManager m = ids.getManager();
        int time = Math.toIntExact(ids.getShape().get(1));
        NDArray positions = m.arange(0, time, 1, DataType.INT64).expandDims(0);
        return forward(ids, positions, AttentionMask.causal(m, time), null);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(inputs.head()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), config.vocabSize())};
    }

    /** All parameters in checkpoint order. */
    public List<Parameter> parameterList() {
        return new ArrayList<>(parameters.values());
    }

    /** Switches gradient recording on or off for every parameter (the frozen reference model stays off). */
    public void setTrainable(boolean trainable) {
        parameters.values().forEach(p -> p.freeze(!trainable));
    }

    public NDArray weight(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'");
        }
        return p.getArray();
    }

    public long parameterCount() {
        return parameters.values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    @Override
    public void close() {
        rope.close();
        manager.close();
    }
}
