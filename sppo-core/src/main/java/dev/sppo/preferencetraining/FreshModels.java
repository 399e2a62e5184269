package dev.sppo.preferencetraining;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.ranker.PairwiseRanker;
import dev.sppo.ranker.RankerConfig;
import dev.sppo.reward.RewardModel;
import dev.sppo.reward.RewardModelConfig;
import dev.sppo.tokenizer.CharTokenizer;

/** Randomly initialised learned preference models of a {@link ModelSize} over a character vocabulary. */
public final class FreshModels {

    private FreshModels() {}

    public static PairwiseRanker ranker(ModelSize size, CharTokenizer tokenizer, NDManager manager, long seed) {
        return PairwiseRanker.random(RankerConfig.tiny(tokenizer, size.hiddenSize(), size.layers(), size.heads()),
                tokenizer, manager, seed);
    }

    public static RewardModel rewardModel(ModelSize size, CharTokenizer tokenizer, NDManager manager, long seed,
            double tau) {
        return RewardModel.random(new RewardModelConfig(LlamaConfig.tiny(tokenizer.vocabSize(), size.hiddenSize(),
                size.layers(), size.heads(), tokenizer.bosId(), tokenizer.eosId()), tokenizer.padId()), tokenizer,
                manager, seed, tau);
    }
}
