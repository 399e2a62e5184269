package dev.sppo.trainer.checkpoint;

import java.net.URI;

/**
 * Where a checkpoint's Hugging Face directory landed in the store.
 *
 * @param uri its location, readable by every service that shares the store
 * @param sha256 SHA-256 of its {@code model.safetensors}
 * @param manifestSha256 the digest of its manifest, which covers every one of its files
 *     ({@link dev.sppo.contracts.store.CheckpointManifest})
 * @param bytes total size of its files
 */
public record StoredCheckpoint(URI uri, String sha256, String manifestSha256, long bytes) {}
