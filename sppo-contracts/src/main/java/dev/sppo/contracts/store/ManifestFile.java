package dev.sppo.contracts.store;

/**
 * One file of a checkpoint as its manifest lists it.
 *
 * @param path its path inside the checkpoint directory, {@code /}-separated ({@code tokenizer.json},
 *     {@code adapter/adapter_model.safetensors})
 * @param bytes its size
 * @param sha256 the SHA-256 of its bytes, 64 lowercase hex digits
 */
public record ManifestFile(String path, long bytes, String sha256) {

    /** Its line in the canonical manifest: {@code <sha256> <bytes> <path>} and a line feed. */
    String line() {
        return sha256 + " " + bytes + " " + path + "\n";
    }
}
