package dev.sppo.contracts;

/**
 * The base model a LoRA adapter checkpoint is loaded on. An adapter checkpoint's directory holds only PEFT's
 * {@code adapter_config.json} and {@code adapter_model.safetensors} (megabytes); a generator loads this base's model
 * directory and the adapter on it, and when the next checkpoint of the job is an adapter on the same base it replaces
 * only the adapter's A and B.
 *
 * @param checkpointId the base's checkpoint id (the job's π_0)
 * @param uri where the base's Hugging Face directory lives
 * @param sha256 digest of the base's {@code model.safetensors}
 * @param manifestSha256 the digest of the base's manifest ({@link dev.sppo.contracts.store.CheckpointManifest}), which
 *     its files must have; null for a base recorded before manifests were
 */
public record AdapterBase(String checkpointId, String uri, String sha256, String manifestSha256) {

    public AdapterBase {
        Require.text("AdapterBase", "checkpointId", checkpointId);
        Require.text("AdapterBase", "uri", uri);
        Require.text("AdapterBase", "sha256", sha256);
        Require.sha256OrNull("AdapterBase", "manifestSha256", manifestSha256);
    }
}
