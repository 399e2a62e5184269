package dev.sppo.preference.training;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.learned.EncoderHeadConfig;
import dev.sppo.preference.learned.EncoderHeadModel;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.preference.learned.RankerConfig;
import dev.sppo.preference.learned.RewardModel;
import dev.sppo.preference.learned.RewardModelConfig;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;
import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Randomly initialised learned preference models of a {@link ModelSize} over a character vocabulary, and fresh
 * heads on a frozen ONNX encoder.
 */
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

    /**
     * A head of width {@code size.hiddenSize()} on the encoder in {@code encoderDir}, read at {@link
     * PreferenceKind#ENCODER_HEAD}'s default temperature (the one its loss trains at), run with ONNX Runtime's
     * defaults.
     */
    public static EncoderHeadModel encoderHead(ModelSize size, Path encoderDir, NDManager manager, long seed)
            throws IOException {
        return EncoderHeadModel.fresh(encoderDir, EncoderHeadConfig.withHiddenSize(size.hiddenSize()), manager, seed,
                PreferenceKind.ENCODER_HEAD.defaultTau(), OnnxRuntimeSettings.DEFAULTS);
    }
}
