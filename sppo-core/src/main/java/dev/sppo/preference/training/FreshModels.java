package dev.sppo.preference.training;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.preference.learned.RankerConfig;
import dev.sppo.preference.learned.RewardModel;
import dev.sppo.preference.learned.RewardModelConfig;
import dev.sppo.tokenizer.CharTokenizer;

/** Randomly initialised learned preference models of a {@link ModelSize} over a character vocabulary. */
public final class FreshModels {

    private FreshModels() {}

    public static PairwiseRanker ranker(ModelSize size, CharTokenizer tokenizer, NDManager manager, long seed) {
        return PairwiseRanker.random(RankerConfig.tiny(tokenizer, size.hiddenSize(), size.layers(), size.heads()),
                tokenizer, manager, seed);
    }

    /**
     * A reward model read at {@link PreferenceKind#REWARD_MODEL}'s default temperature, the one its loss trains at;
     * a job chooses its own τ when it loads the checkpoint, which does not store one.
     */
    public static RewardModel rewardModel(ModelSize size, CharTokenizer tokenizer, NDManager manager, long seed) {
        LlamaConfig backbone = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(size.hiddenSize())
                .numHiddenLayers(size.layers()).numAttentionHeads(size.heads()).build();
        return RewardModel.random(new RewardModelConfig(backbone, tokenizer.padId()), tokenizer, manager, seed,
                PreferenceKind.REWARD_MODEL.defaultTau());
    }
}
