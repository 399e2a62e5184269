package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.tokenizer.CharTokenizer;

/** Small rankers with weights large enough (initializer_range 0.5) that their logits differ clearly. */
public final class TinyRankers {

    public static final String ALPHABET = "+0123456789=";

    private TinyRankers() {}

    public static RankerConfig config() {
        CharTokenizer tokenizer = new CharTokenizer(ALPHABET);
        int v = tokenizer.vocabSize();
        LlamaConfig backbone = LlamaConfig.builder().vocabularyOf(tokenizer).vocabSize(v + 2).hiddenSize(32)
                .intermediateSize(64).numHiddenLayers(2).numAttentionHeads(4).numKeyValueHeads(2)
                .maxPositionEmbeddings(64).initializerRange(0.5).build();
        return new RankerConfig(backbone, v, v + 1);
    }

    public static PairwiseRanker random(NDManager manager, long seed) {
        return PairwiseRanker.random(config(), new CharTokenizer(ALPHABET), manager, seed);
    }
}
