package dev.sppo.preference.onnx;

/**
 * How an ONNX preference model runs on this host, whatever the model: the host's budget, not the model's.
 *
 * @param threads ONNX Runtime's intra-op threads per model (inter-op is 1: the graphs here are sequential)
 * @param batchSize rows per {@code run}: K responses (or K(K-1) ordered pairs) are scored in batches this size
 */
public record OnnxRuntimeSettings(int threads, int batchSize) {

    /** Threads: 1 leaves the other cores to the policy and the trainer; batch: 32 rows, ~the K(K-1) of K = 6. */
    public static final OnnxRuntimeSettings DEFAULTS = new OnnxRuntimeSettings(1, 32);

    public OnnxRuntimeSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
    }
}
