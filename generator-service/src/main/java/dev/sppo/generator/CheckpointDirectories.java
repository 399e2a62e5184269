package dev.sppo.generator;

import dev.sppo.service.store.HttpCheckpointStore;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a checkpoint's files are on this machine: fetched from the trainer's store by checkpoint id and verified,
 * when {@code sppo.checkpoint-store.url} is set (the checkpoint's {@code file:} URI, a path on the trainer's disk, is
 * then never read); otherwise its {@code file:} URI on the shared volume.
 */
@Component
class CheckpointDirectories {

    private final Optional<HttpCheckpointStore> remote;

    CheckpointDirectories(Optional<HttpCheckpointStore> remote) {
        this.remote = remote;
    }

    /**
     * @throws CheckpointException {@code UNSUPPORTED_URI} for a URI of a scheme other than {@code file:}
     * @throws dev.sppo.service.store.CheckpointRefusedException when the store has no such checkpoint, or served one
     *     that failed its manifest digest twice
     * @throws dev.sppo.service.store.StoreUnavailableException when the store stayed unreachable
     */
    Path of(CheckpointRef ref) {
        return remote.isPresent() ? remote.get().directory(ref.checkpointId(), ref.manifestSha256())
                : CheckpointLocation.toPath(ref.uri());
    }

    /** Whether checkpoints come from the http: store. */
    boolean remote() {
        return remote.isPresent();
    }
}
