package dev.sppo.bench;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Sampling throughput ({@link SamplingThroughput}, new tokens/s) of one model: with the key/value cache at each
 * batch size, and without it at one batch size, each pass repeated {@code samplingRounds} times (the rounds take
 * turns over all passes, to spread a shared machine's noise).
 */
public final class SamplingScaling {

    /**
     * @param cachedByBatch the cached rates, in the order of {@link FullBenchConfig#samplingBatches()}
     * @param cachedAtUncachedBatch the cached rates at {@link FullBenchConfig#uncachedBatch()}
     * @param uncached the rates without the cache at that batch
     */
    public record Result(List<Spread> cachedByBatch, Spread cachedAtUncachedBatch, Spread uncached) {

        public double cacheSpeedUp() {
            return cachedAtUncachedBatch.median() / uncached.median();
        }
    }

    private SamplingScaling() {}

    public static Result run(FullBenchConfig config, Consumer<String> progress) {
        List<Integer> batches = new ArrayList<>(config.samplingBatches());
        batches.add(config.uncachedBatch());
        int rounds = config.samplingRounds();
        double[][] cached = new double[batches.size()][rounds];
        double[] uncached = new double[rounds];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < rounds; round++) {
                for (int b = 0; b < batches.size(); b++) {
                    boolean last = b == batches.size() - 1;
                    try (SamplingThroughput sampling = new SamplingThroughput(
                            config.benchConfig(config.samplingModel(), batches.get(b)), manager)) {
                        sampling.warmUp();
                        cached[b][round] = sampling.tokensPerSecond(true);
                        uncached[round] = last ? sampling.tokensPerSecond(false) : uncached[round];
                    }
                    progress.accept(String.format(Locale.ROOT, "sampling round %d, batch %d: %,.0f tokens/s cached%s",
                            round + 1, batches.get(b), cached[b][round],
                            last ? String.format(Locale.ROOT, ", %,.0f without cache", uncached[round]) : ""));
                }
            }
        }
        List<Spread> byBatch = new ArrayList<>();
        for (int b = 0; b < batches.size() - 1; b++) {
            byBatch.add(Spread.of(cached[b]));
        }
        return new Result(byBatch, Spread.of(cached[batches.size() - 1]), Spread.of(uncached));
    }
}
