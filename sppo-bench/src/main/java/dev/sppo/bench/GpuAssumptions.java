package dev.sppo.bench;

/**
 * What a paper projection of one SPPO iteration on GPUs assumes (see {@link GpuProjection}).
 *
 * @param params N, policy parameters
 * @param layers the policy's layers (for the key/value cache)
 * @param kvHeads key/value heads (grouped-query attention)
 * @param headDim the width of one head
 * @param bytesPerValue bytes of one weight or cached key/value (2 for bf16)
 * @param scorerParams N_s, parameters of the preference model (a pairwise ranker reads prompt + both responses)
 * @param prompts P, prompts per iteration
 * @param k K, responses per prompt
 * @param promptTokens p, mean prompt tokens
 * @param responseTokens r, tokens per response
 * @param epochs passes of the train phase over its data
 * @param gpus G
 * @param peakFlops dense bf16 FLOP/s of one GPU
 * @param memoryBandwidth HBM bytes/s of one GPU
 * @param mfu the fraction of the peak reached by compute-bound work (prefill, scoring, training)
 * @param decodeBatch b, sequences decoded together on one GPU
 * @param trainingBytesPerParam bytes of training state per parameter (weights, gradients, optimizer)
 */
public record GpuAssumptions(
        double params,
        int layers,
        int kvHeads,
        int headDim,
        int bytesPerValue,
        double scorerParams,
        int prompts,
        int k,
        int promptTokens,
        int responseTokens,
        int epochs,
        int gpus,
        double peakFlops,
        double memoryBandwidth,
        double mfu,
        int decodeBatch,
        int trainingBytesPerParam) {

    public GpuAssumptions {
        if (!(params > 0) || !(scorerParams > 0) || !(peakFlops > 0) || !(memoryBandwidth > 0)) {
            throw new IllegalArgumentException("params, scorerParams, peakFlops and memoryBandwidth must be > 0");
        }
        if (!(mfu > 0 && mfu <= 1)) {
            throw new IllegalArgumentException("mfu must be in (0, 1], got " + mfu);
        }
        if (layers < 1 || kvHeads < 1 || headDim < 1 || bytesPerValue < 1 || prompts < 1 || k < 2
                || promptTokens < 1 || responseTokens < 1 || epochs < 1 || gpus < 1 || decodeBatch < 1
                || trainingBytesPerParam < 1) {
            throw new IllegalArgumentException("counts must be >= 1 (k >= 2)");
        }
    }

    /**
     * A Mistral-7B-class policy (7.24 B parameters, 32 layers, 8 kv heads of 128, bf16) and a PairRM-size ranker
     * (0.4 B) on the paper's UltraFeedback scale: 20,000 prompts per iteration, K = 5, 256-token prompts and
     * 512-token responses, one epoch; 8 × H100 SXM (989 TFLOP/s dense bf16, 3.35 TB/s HBM) at 40 % MFU;
     * 256 sequences decoded together per GPU; 16 bytes of training state per parameter (bf16 weights and
     * gradients, fp32 master weights and two AdamW moments).
     */
    public static GpuAssumptions ultraFeedbackOn8H100() {
        return new GpuAssumptions(7.24e9, 32, 8, 128, 2, 0.4e9, 20_000, 5, 256, 512, 1, 8, 989e12, 3.35e12, 0.4,
                256, 16);
    }

    /** Bytes of keys and values cached per token: 2 · layers · kv heads · head width · bytes. */
    public double kvBytesPerToken() {
        return 2.0 * layers * kvHeads * headDim * bytesPerValue;
    }
}
