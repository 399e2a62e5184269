package dev.sppo.preference.learned;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceSpecException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads the learned preference models that {@code train-preference} writes, for {@link
 * dev.sppo.preference.PreferenceModels}: a {@code ranker} or {@code reward_model} spec's {@code modelUri} (a
 * {@code file:} URI of the checkpoint store or a plain directory path) becomes a {@link PairwiseRanker} or a
 * {@link RewardModel} with the spec's tau. Each model's weights live in a sub-manager of the given manager and are
 * freed when the model is closed.
 */
public final class LearnedModels implements Function<PreferenceModelSpec, PreferenceModel> {

    private final NDManager manager;

    public LearnedModels(NDManager manager) {
        this.manager = manager;
    }

    /** @throws PreferenceSpecException on {@code model_uri} when the checkpoint cannot be read, with the reason */
    @Override
    public PreferenceModel apply(PreferenceModelSpec spec) {
        Path dir = directory(spec.modelUri());
        try {
            return spec.kind() == PreferenceKind.RANKER ? RankerDirectory.load(dir, manager)
                    : RewardModelDirectory.load(dir, manager, spec.tau());
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
