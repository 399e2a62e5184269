package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceSpecException;
import dev.sppo.preference.onnx.OnnxPairwiseModel;
import dev.sppo.preference.onnx.OnnxRewardModel;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads the learned preference models that {@code train-preference} writes, for {@link
 * dev.sppo.preference.PreferenceModels}: a {@code ranker} or {@code reward_model} spec's {@code modelUri} (a
 * {@code file:} URI of the checkpoint store or a plain directory path) becomes a {@link PairwiseRanker} or a
 * {@link RewardModel} with the spec's tau. Each model's weights live in a sub-manager of the given manager and are
 * freed when the model is closed. The exported models of an {@code onnx_reward} or {@code onnx_pairwise} spec (a
 * directory of {@code model.onnx}, {@code tokenizer.json} and {@code onnx-judge.json}) become an {@link
 * OnnxRewardModel} or an {@link OnnxPairwiseModel} run by ONNX Runtime with this host's {@link OnnxRuntimeSettings};
 * an {@code encoder_head} spec's directory becomes an {@link EncoderHeadModel}.
 */
public final class LearnedModels implements Function<PreferenceModelSpec, PreferenceModel> {

    private final NDManager manager;
    private final OnnxRuntimeSettings onnx;

    /** With {@link OnnxRuntimeSettings#DEFAULTS} for the exported models. */
    public LearnedModels(NDManager manager) {
        this(manager, OnnxRuntimeSettings.DEFAULTS);
    }

    public LearnedModels(NDManager manager, OnnxRuntimeSettings onnx) {
        this.manager = manager;
        this.onnx = onnx;
    }

    /** @throws PreferenceSpecException on {@code model_uri} when the checkpoint cannot be read, with the reason */
    @Override
    public PreferenceModel apply(PreferenceModelSpec spec) {
        Path dir = directory(spec.modelUri());
        try {
            return switch (spec.kind()) {
                case RANKER -> RankerDirectory.load(dir, manager);
                case REWARD_MODEL -> RewardModelDirectory.load(dir, manager, spec.tau());
                case ONNX_REWARD -> OnnxRewardModel.load(dir, spec.tau(), onnx);
                case ONNX_PAIRWISE -> OnnxPairwiseModel.load(dir, onnx);
                case ENCODER_HEAD -> EncoderHeadModel.load(dir, manager, spec.tau(), onnx);
                default -> throw new IllegalArgumentException("a " + spec.kind().wireName()
                        + " is not loaded from a directory");
            };
        } catch (IOException | MalformedCheckpointException | IllegalArgumentException e) {
            throw new PreferenceSpecException("model_uri", "cannot load the " + spec.kind().wireName() + " at "
                    + spec.modelUri() + ": " + e.getMessage());
        }
    }

    private static Path directory(String modelUri) {
        try {
            return modelUri.startsWith("file:") ? Path.of(URI.create(modelUri)) : Path.of(modelUri);
        } catch (IllegalArgumentException e) {
            throw new PreferenceSpecException("model_uri", "not a file: URI or a directory path: " + modelUri);
        }
    }
}
