package dev.sppo.trainer.checkpoint;

import java.net.URI;
import java.time.Instant;

/**
 * A row of {@code checkpoints}: π_{policyVersion} of a job.
 *
 * @param id {@code <jobId>-v<policyVersion>}
 * @param jobId the job
 * @param policyVersion t of π_t (0 is the base policy)
 * @param uri where its Hugging Face directory lives
 * @param sha256 SHA-256 of its {@code model.safetensors}
 * @param bytes total size of its files
 * @param parentId the checkpoint it was trained from, null for the base
 * @param createdAt when it was recorded
 * @param manifestSha256 the digest of its manifest, which covers every one of its files; null for a checkpoint
 *     recorded before manifests were
 */
public record Checkpoint(
        String id, String jobId, int policyVersion, URI uri, String sha256, long bytes, String parentId,
        Instant createdAt, String manifestSha256) {

    public static String idOf(String jobId, int policyVersion) {
        return jobId + "-v" + policyVersion;
    }
}
