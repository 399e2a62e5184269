package dev.sppo.contracts.job;

import java.time.Instant;

/**
 * A checkpoint's metadata as the API shows it.
 *
 * @param id its id
 * @param jobId the job that trained it
 * @param policyVersion t of π_t (0 is the base policy)
 * @param uri where its Hugging Face directory lives
 * @param sha256 digest of its {@code model.safetensors}
 * @param bytes total size of the directory
 * @param parentId the checkpoint it was trained from, or null for a base
 * @param createdAt when it was recorded
 * @param manifestSha256 the digest of its manifest, which covers every file of the checkpoint; null for a
 *     checkpoint recorded before manifests were
 */
public record CheckpointView(
        String id, String jobId, int policyVersion, String uri, String sha256, long bytes, String parentId,
        Instant createdAt, String manifestSha256) {}
