package dev.sppo.trainer.checkpoint;

import dev.sppo.contracts.job.CheckpointView;

import java.net.URI;
import java.time.Instant;

/**
 * A row of {@code checkpoints}: π_{policyVersion} of a job.
 *
 * @param id {@code <jobId>-v<policyVersion>}
 * @param jobId the job
 * @param policyVersion t of π_t (0 is the base policy)
 * @param uri where its directory lives: a Hugging Face model directory, or a PEFT adapter directory
 * @param sha256 SHA-256 of its {@code model.safetensors} ({@code adapter_model.safetensors} for an adapter)
 * @param bytes total size of its files
 * @param parentId the checkpoint it was trained from, null for the base
 * @param createdAt when it was recorded
 * @param manifestSha256 the digest of its manifest, which covers every one of its files; null for a checkpoint
 *     recorded before manifests were
 * @param base for a LoRA adapter checkpoint, the model checkpoint it is loaded on; null for a model checkpoint
 */
public record Checkpoint(
        String id, String jobId, int policyVersion, URI uri, String sha256, long bytes, String parentId,
        Instant createdAt, String manifestSha256, AdapterBase base) {

    /** The base as the messages and views carry it; null for a model. */
    public dev.sppo.contracts.AdapterBase contractBase() {
        return base == null ? null : base.toContract();
    }

    /** {@code model} or {@code adapter}, as the {@code kind} column says. */
    public String kind() {
        return base == null ? CheckpointView.MODEL : CheckpointView.ADAPTER;
    }

    public static String idOf(String jobId, int policyVersion) {
        return jobId + "-v" + policyVersion;
    }
}
