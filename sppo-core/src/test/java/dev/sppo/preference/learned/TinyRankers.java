package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.tokenizer.CharTokenizer;

import java.util.List;

/** Small rankers with weights large enough (initializer_range 0.5) that their logits differ clearly. */
public final class TinyRankers {

    public static final String ALPHABET = "+0123456789=";

    private TinyRankers() {}

    public static RankerConfig config() {
        CharTokenizer tokenizer = new CharTokenizer(ALPHABET);
        int v = tokenizer.vocabSize();
        LlamaConfig backbone = new LlamaConfig(v + 2, 32, 64, 2, 4, 2, 8, 64, 1e-5, 10000.0, null, true, false,
                false, tokenizer.bosId(), List.of(tokenizer.eosId()), 0.5);
        return new RankerConfig(backbone, v, v + 1);
    }

    public static PairwiseRanker random(NDManager manager, long seed) {
        return PairwiseRanker.random(config(), new CharTokenizer(ALPHABET), manager, seed);
    }
}
