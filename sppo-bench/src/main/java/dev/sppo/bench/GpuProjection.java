package dev.sppo.bench;

import java.util.List;

/**
 * One SPPO iteration projected on paper for a large policy on G GPUs ({@link GpuAssumptions}), phase by phase:
 *
 * <pre>
 *   prefill   F = 2·N·P·K·p                      t = F / (G·peak·MFU)      (no prefix sharing between the K samples)
 *   decode    steps = ⌈P·K / (G·b)⌉ · r          t = steps · max(bytes/BW, 2·N·b / (peak·MFU))
 *             bytes per step = N·β + b·(p + r/2)·kv     (all weights once, plus the cache of b sequences at mean length)
 *   score     F = 2·N_s · P·K(K-1) · (p + 2r)    t = F / (G·peak·MFU)      (every ordered pair, as a pairwise ranker)
 *   train     F = 6·N · P·2·(p + r) · epochs     t = F / (G·peak·MFU)      (winner and loser of each prompt)
 *   reference 0                                                             (log π_t recorded while sampling)
 * </pre>
 *
 * with β = bytes per value, kv = {@link GpuAssumptions#kvBytesPerToken()}, BW the HBM bandwidth. Decoding one token
 * for b sequences reads every weight once, so below b ≈ peak·MFU·β / (2·BW) a step is memory-bound; the G GPUs
 * decode independent shares of the P·K sequences (data parallel, one policy copy per GPU).
 */
public record GpuProjection(GpuAssumptions a) {

    /**
     * @param name the phase
     * @param flops the floating-point work
     * @param seconds the projected wall time
     * @param bound what limits it ("compute", "memory bandwidth", "none")
     */
    public record Phase(String name, double flops, double seconds, String bound) {}

    public List<Phase> phases() {
        return List.of(prefill(), decode(), score(), train(), new Phase("reference log-probs", 0, 0, "none"));
    }

    public double totalSeconds() {
        return phases().stream().mapToDouble(Phase::seconds).sum();
    }

    public Phase prefill() {
        double flops = 2 * a.params() * a.prompts() * a.k() * a.promptTokens();
        return new Phase("generate: prefill", flops, flops / clusterFlops(), "compute");
    }

    public Phase decode() {
        double sequencesPerGpu = Math.ceil((double) a.prompts() * a.k() / a.gpus());
        double steps = Math.ceil(sequencesPerGpu / a.decodeBatch()) * a.responseTokens();
        double memorySeconds = decodeStepBytes() / a.memoryBandwidth();
        double computeSeconds = 2 * a.params() * a.decodeBatch() / (a.peakFlops() * a.mfu());
        double flops = 2 * a.params() * a.prompts() * a.k() * a.responseTokens();
        boolean memoryBound = memorySeconds >= computeSeconds;
        return new Phase("generate: decode", flops, steps * Math.max(memorySeconds, computeSeconds),
                memoryBound ? "memory bandwidth" : "compute");
    }

    public Phase score() {
        double pairs = (double) a.prompts() * a.k() * (a.k() - 1);
        double flops = 2 * a.scorerParams() * pairs * (a.promptTokens() + 2.0 * a.responseTokens());
        return new Phase("prefer: pairwise ranker", flops, flops / clusterFlops(), "compute");
    }

    public Phase train() {
        double tokens = 2.0 * a.prompts() * (a.promptTokens() + a.responseTokens()) * a.epochs();
        double flops = 6 * a.params() * tokens;
        return new Phase("train: policy fwd+bwd", flops, flops / clusterFlops(), "compute");
    }

    /** Bytes one decode step reads on one GPU: N·β + b·(p + r/2)·kv. */
    public double decodeStepBytes() {
        return a.params() * a.bytesPerValue() + kvCacheBytes(a.promptTokens() + a.responseTokens() / 2.0);
    }

    /** The key/value cache of one GPU's b sequences at their full length p + r. */
    public double peakKvCacheBytes() {
        return kvCacheBytes(a.promptTokens() + a.responseTokens());
    }

    /** Memory of one policy copy for sampling: N·β. */
    public double weightBytes() {
        return a.params() * a.bytesPerValue();
    }

    /** Training state per GPU, fully sharded over the G GPUs: N · bytes per parameter / G. */
    public double trainingStateBytesPerGpu() {
        return a.params() * a.trainingBytesPerParam() / a.gpus();
    }

    private double kvCacheBytes(double tokensPerSequence) {
        return a.decodeBatch() * tokensPerSequence * a.kvBytesPerToken();
    }

    private double clusterFlops() {
        return a.gpus() * a.peakFlops() * a.mfu();
    }
}
