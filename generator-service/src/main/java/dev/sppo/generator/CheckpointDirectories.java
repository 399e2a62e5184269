package dev.sppo.generator;

import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.service.store.RemoteCheckpointStore;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a checkpoint's files are on this machine: fetched from the trainer's store by checkpoint id and verified,
 * when {@code sppo.checkpoint-store.url} is set (the checkpoint's {@code file:} URI, a path on the trainer's disk, is
 * then never read); otherwise its {@code file:} URI on the shared volume, checked against the manifest digest the
 * request or event carried, if any.
 */
@Component
class CheckpointDirectories {

    private final Optional<RemoteCheckpointStore> remote;

    CheckpointDirectories(Optional<RemoteCheckpointStore> remote) {
        this.remote = remote;
    }

    /**
     * @throws CheckpointException {@code UNSUPPORTED_URI} for a URI of a scheme other than {@code file:},
     *     {@code MALFORMED} for files on the shared volume whose manifest digest is not the one carried
     * @throws dev.sppo.service.store.CheckpointRefusedException when the store has no such checkpoint, or served one
     *     that failed its manifest digest twice
     * @throws dev.sppo.service.store.StoreUnavailableException when the store stayed unreachable
     */
    Path of(CheckpointRef ref) {
        if (remote.isPresent()) {
            return remote.get().directory(ref.checkpointId(), ref.manifestSha256());
        }
        Path dir = CheckpointLocation.toPath(ref.uri());
        if (ref.manifestSha256() != null && Files.isDirectory(dir)) {
            requireDigest(ref, dir);
        }
        return dir;
    }

    /** Whether checkpoints come from the http: or s3: store. */
    boolean remote() {
        return remote.isPresent();
    }

    private static void requireDigest(CheckpointRef ref, Path dir) {
        String digest;
        try {
            digest = CheckpointManifest.of(dir).digest();
        } catch (UncheckedIOException e) {
            throw new CheckpointException(CheckpointException.Reason.MALFORMED, "checkpoint '" + ref.checkpointId()
                    + "' at " + dir + " cannot be read: " + e.getMessage(), e);
        }
        if (!digest.equals(ref.manifestSha256())) {
            throw new CheckpointException(CheckpointException.Reason.MALFORMED, "checkpoint '" + ref.checkpointId()
                    + "' at " + dir + ": its files have manifest digest " + digest + ", not the "
                    + ref.manifestSha256() + " recorded when it was written", null);
        }
    }
}
