package dev.sppo.preferences;

import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.service.ConfinedDirectory;
import dev.sppo.service.store.RemoteCheckpointStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where the learned preference models a spec names by {@code model_uri} are on this machine. With the http: or s3:
 * store ({@code sppo.checkpoint-store.url}) a {@code model_uri} outside the local models root names a model of the
 * trainer's store (trained by {@code POST /api/preference-models}) by its last segment, and is fetched, verified and
 * cached; one inside the models root (an exported model an operator placed there) stays as it is. Without a
 * store url every spec stays as it is, its {@code model_uri} on the shared volume.
 */
@Component
class ModelLocations {

    private final Optional<RemoteCheckpointStore> remote;
    private final ConfinedDirectory modelsRoot;

    ModelLocations(Optional<RemoteCheckpointStore> remote, PreferenceProperties properties) {
        this.remote = remote;
        this.modelsRoot = new ConfinedDirectory(properties.modelsRoot(), null);
    }

    /** Whether models of the trainer's store come over http. */
    boolean remote() {
        return remote.isPresent();
    }

    /**
     * {@code spec} with its own and its members' store models replaced by their local directories.
     *
     * @throws dev.sppo.service.store.CheckpointRefusedException when the store has no such model, or served one that
     *     failed its manifest digest twice
     * @throws dev.sppo.service.store.StoreUnavailableException when the store stayed unreachable
     */
    PreferenceSpec localize(PreferenceSpec spec) {
        if (remote.isEmpty()) {
            return spec;
        }
        String modelUri = spec.modelUri() == null || modelsRoot.resolveLocation(spec.modelUri()).isPresent()
                ? spec.modelUri()
                : remote.get().directory(RemoteCheckpointStore.idOf(spec.modelUri()), null).toString();
        return new PreferenceSpec(spec.kind(), spec.task(), spec.taskSettings(), spec.tau(), spec.judge(), modelUri,
                spec.members().stream().map(m -> new PreferenceMember(localize(m.spec()), m.weight())).toList());
    }
}
