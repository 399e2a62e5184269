package dev.sppo.contracts;

/**
 * A new policy checkpoint is on the store and recorded in Postgres; generators drop cached older versions.
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param jobId the job
 * @param checkpointId its id
 * @param policyVersion t of π_t
 * @param uri where its directory lives: a Hugging Face model directory, or a PEFT adapter directory when
 *     {@code adapterBase} is set
 * @param sha256 digest of its {@code model.safetensors} ({@code adapter_model.safetensors} for an adapter)
 * @param bytes total size of the directory
 * @param parentId the checkpoint it was trained from, or null for a base
 * @param manifestSha256 the digest of its manifest, which covers every file of the checkpoint
 *     ({@link dev.sppo.contracts.store.CheckpointManifest#digest()}); null in a message from before this field
 * @param adapterBase for a LoRA adapter checkpoint, the base it is loaded on; null (absent, as in messages from before
 *     this field) for a model checkpoint
 */
public record CheckpointPublished(
        int version, String jobId, String checkpointId, int policyVersion, String uri, String sha256, long bytes,
        String parentId, String manifestSha256, AdapterBase adapterBase) {

    /** A model checkpoint's event. */
    public CheckpointPublished(int version, String jobId, String checkpointId, int policyVersion, String uri,
            String sha256, long bytes, String parentId, String manifestSha256) {
        this(version, jobId, checkpointId, policyVersion, uri, sha256, bytes, parentId, manifestSha256, null);
    }

    public CheckpointPublished {
        Require.version("CheckpointPublished", version);
        Require.text("CheckpointPublished", "jobId", jobId);
        Require.text("CheckpointPublished", "checkpointId", checkpointId);
        Require.text("CheckpointPublished", "uri", uri);
        Require.text("CheckpointPublished", "sha256", sha256);
        Require.sha256OrNull("CheckpointPublished", "manifestSha256", manifestSha256);
    }
}
