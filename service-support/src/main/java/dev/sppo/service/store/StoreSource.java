package dev.sppo.service.store;

import dev.sppo.contracts.store.StoreEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@link RemoteCheckpointStore} gets checkpoints from: the trainer's store API ({@link HttpStoreSource}) or
 * an S3-compatible bucket ({@link S3CheckpointBucket}). Both retry an unreachable store ({@link StoreRetries}) and
 * refuse what will not change ({@link CheckpointRefusedException}).
 */
interface StoreSource {

    /** The store's URL, for messages. */
    String url();

    /**
     * The manifest of checkpoint {@code id} and the digest recorded when it was written.
     *
     * @throws CheckpointRefusedException when the store has no such checkpoint or refuses this service
     * @throws StoreUnavailableException when the store stayed unreachable
     */
    StoreEntry entry(String id);

    /**
     * Writes the files of {@code entry} into the new directory {@code dir}, taking at most the manifest's bytes;
     * {@code scratch} is a path it may use and the caller deletes.
     *
     * @return empty when the files were written (whether they are the checkpoint's is the caller's check); else what
     *     was wrong with what the store sent, naming the file or entry
     */
    Optional<String> fetch(StoreEntry entry, Path dir, Path scratch) throws IOException;
}
