package dev.sppo.model;

import dev.sppo.tokenizer.TextTokenizer;

import java.util.List;

/**
 * Builds a {@link LlamaConfig} field by field, each setter named after the record's component. A field left unset
 * takes the default of the small models this engine creates from scratch (built-in tasks, judges, benchmarks,
 * tests), not the default of a transformers config class (which {@link LlamaConfig#read} applies to a {@code
 * config.json}):
 *
 * <ul>
 *   <li>{@code intermediate_size}: {@link LlamaConfig#swiGluWidth}({@code hidden_size});
 *   <li>{@code num_key_value_heads}: {@code num_attention_heads}, no grouped-query attention;
 *   <li>{@code head_dim}: {@code hidden_size / num_attention_heads};
 *   <li>{@code max_position_embeddings} {@value #DEFAULT_MAX_POSITION_EMBEDDINGS}, {@code rms_norm_eps}
 *       {@value #DEFAULT_RMS_NORM_EPS}, {@code rope_theta} {@value #DEFAULT_ROPE_THETA}, no {@code rope_scaling};
 *   <li>tied embeddings, no projection or MLP bias;
 *   <li>no BOS and no EOS id, {@code initializer_range} {@value #DEFAULT_INITIALIZER_RANGE};
 *   <li>{@link ModelFamily#LLAMA}, full causal attention.
 * </ul>
 *
 * {@code vocab_size}, {@code hidden_size}, {@code num_hidden_layers} and {@code num_attention_heads} have no
 * default: {@link #build()} refuses a config without them, as {@link LlamaConfig} refuses any field it cannot run.
 */
public final class LlamaConfigBuilder {

    public static final int DEFAULT_MAX_POSITION_EMBEDDINGS = 256;
    public static final double DEFAULT_RMS_NORM_EPS = 1e-5;
    public static final double DEFAULT_ROPE_THETA = 10000.0;
    public static final double DEFAULT_INITIALIZER_RANGE = 0.02;

    private int vocabSize;
    private int hiddenSize;
    private Integer intermediateSize;
    private int numHiddenLayers;
    private int numAttentionHeads;
    private Integer numKeyValueHeads;
    private Integer headDim;
    private int maxPositionEmbeddings = DEFAULT_MAX_POSITION_EMBEDDINGS;
    private double rmsNormEps = DEFAULT_RMS_NORM_EPS;
    private double ropeTheta = DEFAULT_ROPE_THETA;
    private RopeScaling ropeScaling;
    private boolean tieWordEmbeddings = true;
    private boolean attentionBias;
    private boolean mlpBias;
    private int bosTokenId = -1;
    private List<Integer> eosTokenIds = List.of();
    private double initializerRange = DEFAULT_INITIALIZER_RANGE;
    private ModelFamily family = ModelFamily.LLAMA;
    private Integer slidingWindow;

    LlamaConfigBuilder() {}

    /** A builder holding every field of {@code config}, derived ones included. */
    LlamaConfigBuilder(LlamaConfig config) {
        vocabSize = config.vocabSize();
        hiddenSize = config.hiddenSize();
        intermediateSize = config.intermediateSize();
        numHiddenLayers = config.numHiddenLayers();
        numAttentionHeads = config.numAttentionHeads();
        numKeyValueHeads = config.numKeyValueHeads();
        headDim = config.headDim();
        maxPositionEmbeddings = config.maxPositionEmbeddings();
        rmsNormEps = config.rmsNormEps();
        ropeTheta = config.ropeTheta();
        ropeScaling = config.ropeScaling();
        tieWordEmbeddings = config.tieWordEmbeddings();
        attentionBias = config.attentionBias();
        mlpBias = config.mlpBias();
        bosTokenId = config.bosTokenId();
        eosTokenIds = config.eosTokenIds();
        initializerRange = config.initializerRange();
        family = config.family();
        slidingWindow = config.slidingWindow();
    }

    public LlamaConfigBuilder vocabSize(int value) {
        vocabSize = value;
        return this;
    }

    /**
     * The vocabulary of {@code tokenizer}: {@code vocab_size} its size, {@code bos_token_id} its BOS id and {@code
     * eos_token_id} its EOS id alone.
     */
    public LlamaConfigBuilder vocabularyOf(TextTokenizer tokenizer) {
        vocabSize = tokenizer.vocabSize();
        bosTokenId = tokenizer.bosId();
        eosTokenIds = List.of(tokenizer.eosId());
        return this;
    }

    public LlamaConfigBuilder hiddenSize(int value) {
        hiddenSize = value;
        return this;
    }

    public LlamaConfigBuilder intermediateSize(int value) {
        intermediateSize = value;
        return this;
    }

    public LlamaConfigBuilder numHiddenLayers(int value) {
        numHiddenLayers = value;
        return this;
    }

    public LlamaConfigBuilder numAttentionHeads(int value) {
        numAttentionHeads = value;
        return this;
    }

    public LlamaConfigBuilder numKeyValueHeads(int value) {
        numKeyValueHeads = value;
        return this;
    }

    public LlamaConfigBuilder headDim(int value) {
        headDim = value;
        return this;
    }

    public LlamaConfigBuilder maxPositionEmbeddings(int value) {
        maxPositionEmbeddings = value;
        return this;
    }

    public LlamaConfigBuilder rmsNormEps(double value) {
        rmsNormEps = value;
        return this;
    }

    public LlamaConfigBuilder ropeTheta(double value) {
        ropeTheta = value;
        return this;
    }

    /** @param value the scaling, or null for none */
    public LlamaConfigBuilder ropeScaling(RopeScaling value) {
        ropeScaling = value;
        return this;
    }

    public LlamaConfigBuilder tieWordEmbeddings(boolean value) {
        tieWordEmbeddings = value;
        return this;
    }

    public LlamaConfigBuilder attentionBias(boolean value) {
        attentionBias = value;
        return this;
    }

    public LlamaConfigBuilder mlpBias(boolean value) {
        mlpBias = value;
        return this;
    }

    /** @param value the BOS id, or -1 for none */
    public LlamaConfigBuilder bosTokenId(int value) {
        bosTokenId = value;
        return this;
    }

    public LlamaConfigBuilder eosTokenIds(List<Integer> value) {
        eosTokenIds = value;
        return this;
    }

    public LlamaConfigBuilder initializerRange(double value) {
        initializerRange = value;
        return this;
    }

    public LlamaConfigBuilder family(ModelFamily value) {
        family = value;
        return this;
    }

    /** @param value the window W, or null for full causal attention */
    public LlamaConfigBuilder slidingWindow(Integer value) {
        slidingWindow = value;
        return this;
    }

    /** @throws InvalidModelConfigException naming the first field the config cannot have */
    public LlamaConfig build() {
        return new LlamaConfig(vocabSize, hiddenSize,
                intermediateSize != null ? intermediateSize : LlamaConfig.swiGluWidth(hiddenSize),
                numHiddenLayers, numAttentionHeads,
                numKeyValueHeads != null ? numKeyValueHeads : numAttentionHeads,
                headDim != null ? headDim : defaultHeadDim(),
                maxPositionEmbeddings, rmsNormEps, ropeTheta, ropeScaling, tieWordEmbeddings, attentionBias, mlpBias,
                bosTokenId, eosTokenIds, initializerRange, family, slidingWindow);
    }

    /** D / H; 0 (refused by the record as it refuses H) when H is not set. */
    private int defaultHeadDim() {
        return numAttentionHeads > 0 ? hiddenSize / numAttentionHeads : 0;
    }
}
