package dev.sppo.contracts.job;

import dev.sppo.contracts.AdapterBase;

import java.time.Instant;

/**
 * A checkpoint's metadata as the API shows it.
 *
 * @param id its id
 * @param jobId the job that trained it
 * @param policyVersion t of π_t (0 is the base policy)
 * @param kind {@value #MODEL} (a Hugging Face model directory) or {@value #ADAPTER} (a PEFT LoRA adapter directory,
 *     loaded on {@code base})
 * @param uri where its directory lives
 * @param sha256 digest of its {@code model.safetensors} ({@code adapter_model.safetensors} for an adapter)
 * @param bytes total size of the directory
 * @param parentId the checkpoint it was trained from, or null for a base
 * @param createdAt when it was recorded
 * @param manifestSha256 the digest of its manifest, which covers every file of the checkpoint; null for a
 *     checkpoint recorded before manifests were
 * @param base for an adapter, the base checkpoint it is loaded on; null for a model
 */
public record CheckpointView(
        String id, String jobId, int policyVersion, String kind, String uri, String sha256, long bytes,
        String parentId, Instant createdAt, String manifestSha256, AdapterBase base) {

    public static final String MODEL = "model";
    public static final String ADAPTER = "adapter";
}
