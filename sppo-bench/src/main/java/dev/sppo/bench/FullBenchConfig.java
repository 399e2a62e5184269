package dev.sppo.bench;

import java.util.List;

/**
 * What the in-process sections of {@code sppo bench --full} measure (training per model size, sampling per batch
 * size, preference pairs per second, SPPO cost growth).
 *
 * @param sizes the model sizes trained
 * @param trainBatch B of every training step
 * @param trainLength T of every training step
 * @param warmupSteps untimed steps per size
 * @param steps timed steps per size, each right after a peak probe
 * @param matmulSize N of the N³ matmul peak
 * @param probeRepeats timed matmuls before each step (their best is the peak closest in time)
 * @param samplingModel the model sampled
 * @param samplingBatches prompts sampled at once, one pass with the cache per size and round
 * @param uncachedBatch the batch sampled both with and without the cache
 * @param promptLength tokens per random prompt
 * @param newTokens tokens generated per prompt
 * @param samplingRounds how many times every sampling pass is repeated (the median is reported)
 * @param pairPrompts prompts per preference pass, K responses each
 * @param pairSamples K of the preference passes
 * @param pairMinSeconds passes repeat until this much time has gone by (at least one pass)
 * @param growth the SPPO iterations whose phases are timed
 * @param seed seeds models, tokens and samplers
 */
public record FullBenchConfig(
        List<NamedModel> sizes,
        int trainBatch,
        int trainLength,
        int warmupSteps,
        int steps,
        int matmulSize,
        int probeRepeats,
        NamedModel samplingModel,
        List<Integer> samplingBatches,
        int uncachedBatch,
        int promptLength,
        int newTokens,
        int samplingRounds,
        int pairPrompts,
        int pairSamples,
        double pairMinSeconds,
        GrowthPlan growth,
        long seed) {

    public FullBenchConfig {
        if (sizes == null || sizes.isEmpty() || samplingBatches == null || samplingBatches.isEmpty()) {
            throw new IllegalArgumentException("sizes and samplingBatches must not be empty");
        }
        if (samplingModel == null || growth == null) {
            throw new IllegalArgumentException("samplingModel and growth are required");
        }
        sizes = List.copyOf(sizes);
        samplingBatches = List.copyOf(samplingBatches);
        if (pairSamples < 2) {
            throw new IllegalArgumentException("pairSamples: K must be >= 2 to form pairs, got " + pairSamples);
        }
        if (!(pairMinSeconds >= 0)) {
            throw new IllegalArgumentException("pairMinSeconds must be >= 0, got " + pairMinSeconds);
        }
    }

    /**
     * The report's run: the task model (hidden 128, 2 layers), the reference (256, 4) and a 512-wide 4-layer
     * model at 32 × 64 tokens, 8 timed steps each; the reference sampled 32 new tokens after 32-token prompts at
     * batch 1, 8, 64 and 256, twice each; the gold judge over 512 prompts × K=5; {@link GrowthPlan#defaults()}.
     */
    public static FullBenchConfig defaults() {
        List<NamedModel> sizes = List.of(NamedModel.of("task model", 128, 2, 32, 384),
                NamedModel.of("reference", 256, 4, 32, 1024), NamedModel.of("wide", 512, 4, 64, 2048));
        return new FullBenchConfig(sizes, 32, 64, 2, 8, 1024, 3, sizes.get(1), List.of(1, 8, 64, 256), 64, 32, 32,
                2, 512, 5, 2.0, GrowthPlan.defaults(), 42L);
    }

    /** Seconds of everything on toy sizes, for tests and smoke checks. */
    public static FullBenchConfig quick() {
        List<NamedModel> sizes = List.of(NamedModel.of("toy", 32, 1, 16, 64), NamedModel.of("toy wide", 64, 1, 16,
                128));
        return new FullBenchConfig(sizes, 2, 8, 1, 2, 64, 2, sizes.get(0), List.of(1, 4), 4, 4, 4, 1, 16, 3, 0.0,
                GrowthPlan.quick(), 42L);
    }

    /** The {@link BenchConfig} that trains {@code size} and samples {@code prompts} prompts at once. */
    BenchConfig benchConfig(NamedModel size, int prompts) {
        return new BenchConfig(size.model(), matmulSize, 1, probeRepeats, probeRepeats, trainBatch, trainLength,
                warmupSteps, steps, prompts, promptLength, newTokens, 1, seed);
    }
}
