package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final String WEIGHT_SUFFIX = ".weight";

    private final LlamaConfig config;
    private final NDManager manager;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final RotaryEmbedding rope;
    private final NDArray attentionScale;
    private final WeightPrecision precision;
    private final LoraConfig lora;
    private final Map<String, LoraBranch> branches = new LinkedHashMap<>();

    /** A float32 model without adapter. */
    public Llama(LlamaConfig config, NDManager parent, WeightSource weights) {
        this(config, parent, LlamaWeights.full(weights));
    }

    /** A model whose base may be held in half precision and may carry a LoRA adapter. */
    public Llama(LlamaConfig config, NDManager parent, LlamaWeights weights) {
        super(VERSION);
        this.config = config;
        this.manager = parent.newSubManager();
        this.precision = weights.precision();
        for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(config)) {
            addWeight(spec, weights.base(), precision);
        }
        this.lora = weights.adapter() == null ? null : weights.adapter().config();
        if (lora != null) {
            attach(weights.adapter());
        }
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(new DecoderLayer(config, i, parameters, branches::get));
        }
        this.rope = new RotaryEmbedding(manager, config);
        this.attentionScale = manager.full(new Shape(), (float) (1.0 / Math.sqrt(config.headDim())));
    }

    private void addWeight(LlamaLayout.TensorSpec spec, WeightSource source, WeightPrecision type) {
        NDArray array = nativeCopy(manager.create(source.values(spec), new Shape(spec.shape())), type);
        addParameter(Parameter.builder().setName(spec.name()).setType(Parameter.Type.WEIGHT)
                .optArray(array).optRequiresGrad(false).build());
    }

    /** Adds the adapter's A and B of every targeted projection, in float32, all sharing one scaling array. */
    private void attach(LoraAdapter adapter) {
        for (LlamaLayout.TensorSpec spec : LoraLayout.tensors(config, lora)) {
            addWeight(spec, adapter.weights(), WeightPrecision.FLOAT32);
        }
        NDArray scaling = manager.full(new Shape(), (float) lora.scaling());
        for (LoraLayout.Module module : LoraLayout.modules(config, lora.targets())) {
            branches.put(module.path(), new LoraBranch(parameters.get(module.path() + LoraLayout.A_SUFFIX),
                    parameters.get(module.path() + LoraLayout.B_SUFFIX), scaling, (float) lora.dropout()));
        }
    }

    /**
     * A copy of {@code created} as {@code type} in memory that PyTorch allocates, {@code created} closed. An array
     * made from Java values keeps the direct buffer it was copied through for as long as it lives, and direct
     * buffers count against {@code -XX:MaxDirectMemorySize} (by default the heap size): a half-billion-parameter
     * model would need 2 GB of it. The closed array's buffer is freed by the next garbage collection, which the
     * JVM forces when direct memory runs short.
     */
    private static NDArray nativeCopy(NDArray created, WeightPrecision type) {
        NDArray copy = type == WeightPrecision.FLOAT32 ? created.duplicate() : type.convert(created);
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
        Parameter head = parameters.get(config.tieWordEmbeddings() ? LlamaLayout.EMBED : LlamaLayout.LM_HEAD);
        return Float32.linear(hiddenStates, head, null);
    }

    /**
     * The backbone's final hidden states RMSNorm(h_L), what Hugging Face {@code LlamaModel} returns as {@code
     * last_hidden_state} and what task heads (a reward head, a ranker head) read; arguments as in {@link
     * #forward(NDArray, NDArray, NDArray, KvCache)}.
     *
     * @return (B, T, D) float32 hidden states
     */
    public NDArray hiddenStates(NDArray ids, NDArray positions, NDArray bias, KvCache cache) {
        NDArray h = Float32.of(Embedding.embedding(ids, weight(LlamaLayout.EMBED), SparseFormat.DENSE).head());
        RotaryAngles angles = angles(positions);
        NDArray attentionBias = withSlidingWindow(bias, cache == null ? 0 : cache.length(), ids.getShape().get(1));
        boolean recording = parameters.values().stream().anyMatch(Parameter::requiresGradient);
        for (DecoderLayer layer : layers) {
            h = recording ? layer.forward(h, angles, attentionBias, cache)
                    : forwardFreeing(layer, h, angles, attentionBias, cache);
        }
        return RmsNorm.apply(h, Float32.of(weight(LlamaLayout.FINAL_NORM)), config.rmsNormEps());
    }

    /**
     * One layer without gradients, its intermediates and its input freed as soon as it has run: nothing reads them
     * again, and a scope would otherwise hold every layer's activations until the caller's closes (at a text model's
     * size, prefilling 256 rows of 64 tokens held some 18 GB).
     */
    private static NDArray forwardFreeing(
            DecoderLayer layer, NDArray h, RotaryAngles angles, NDArray bias, KvCache cache) {
        NDArray out;
        try (NDScope ignored = new NDScope()) {
            out = layer.forward(h, angles, bias, cache);
            NDScope.unregister(out);
        }
        NDScope.register(out);
        h.close();
        return out;
    }

    /** The rotary tables of (B, T) int64 positions, the queries' scaled by 1/√d. */
    RotaryAngles angles(NDArray positions) {
        return rope.anglesFor(positions, attentionScale);
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

    /**
     * Switches gradient recording on or off for every trainable parameter (the frozen reference model stays off):
     * every parameter of a model without adapter, only the adapter's A and B of one with an adapter.
     *
     * @throws IllegalStateException when asked to train a half-precision base without adapter
     */
    public void setTrainable(boolean trainable) {
        if (lora == null && trainable && precision != WeightPrecision.FLOAT32) {
            throw new IllegalStateException("base.dtype: a base held in " + precision.configName()
                    + " is frozen, so only a LoRA adapter can train on it");
        }
        if (lora == null) {
            parameters.values().forEach(p -> p.freeze(!trainable));
            return;
        }
        branches.values().forEach(branch -> {
            branch.a().freeze(!trainable);
            branch.b().freeze(!trainable);
        });
    }

    /** The LoRA adapter's settings, empty for a model without adapter. */
    public Optional<LoraConfig> adapter() {
        return Optional.ofNullable(lora);
    }

    /** How the base weights are held in memory. */
    public WeightPrecision basePrecision() {
        return precision;
    }

    /**
     * The float32 values of base tensor {@code name} as the model computes with it: a projection that an adapter
     * targets gives its merged weight {@code W + s · B A}, so that a model saved with these values computes what
     * this one does without the adapter.
     */
    public float[] mergedValues(String name) {
        try (NDScope ignored = new NDScope()) {
            NDArray w = Float32.of(weight(name));
            LoraBranch branch = name.endsWith(WEIGHT_SUFFIX)
                    ? branches.get(name.substring(0, name.length() - WEIGHT_SUFFIX.length())) : null;
            return (branch == null ? w : w.add(branch.product())).toFloatArray();
        }
    }

    /**
     * Folds the adapter into the base, {@code W ← W + s · B A} for every targeted projection (rounded to the base's
     * precision), then gives A and B the values of {@code next}: with B = 0 the model computes what it did before.
     * This is how a fresh adapter starts on top of the previous one.
     *
     * @throws IllegalStateException for a model without adapter
     */
    public void mergeAdapter(WeightSource next) {
        if (lora == null) {
            throw new IllegalStateException("this model has no adapter to merge");
        }
        NDIndex all = new NDIndex("...");
        try (NDScope ignored = new NDScope()) {
            branches.forEach((path, branch) -> {
                NDArray w = weight(path + WEIGHT_SUFFIX);
                w.set(all, precision.convert(Float32.of(w).add(branch.product())));
            });
            assignAdapter(next);
        }
    }

    /**
     * Gives A and B the values of {@code next}, the base weights untouched: how a generator moves to the next
     * checkpoint of an adapter that goes on training on the same base (megabytes instead of the whole model).
     *
     * @throws IllegalArgumentException when {@code next}'s settings (rank, alpha, dropout, targets, rsLoRA) are not
     *     this model's adapter's
     */
    public void replaceAdapter(LoraAdapter next) {
        if (!next.config().equals(lora)) {
            throw new IllegalArgumentException("adapter " + next.config() + " cannot replace this model's "
                    + (lora == null ? "(none)" : lora.toString()) + ": load the model with it instead");
        }
        try (NDScope ignored = new NDScope()) {
            assignAdapter(next.weights());
        }
    }

    private void assignAdapter(WeightSource values) {
        NDIndex all = new NDIndex("...");
        for (LlamaLayout.TensorSpec spec : LoraLayout.tensors(config, lora)) {
            weight(spec.name()).stopGradient().set(all, manager.create(values.values(spec), new Shape(spec.shape())));
        }
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
