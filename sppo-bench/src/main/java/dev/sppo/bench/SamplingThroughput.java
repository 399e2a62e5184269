package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.sampling.Decoding;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times batched sampling of a randomly initialised model from random prompts, with and without the key/value
 * cache: temperature 1, no top-k or top-p, one response per prompt and no stop token, so every row generates
 * exactly {@code newTokens} tokens. The rate is
 *
 * <pre>
 *   new tokens/s = Σ_rows |generated| / wall time of {@link Sampler#sample}
 * </pre>
 */
public final class SamplingThroughput implements AutoCloseable {

    private static final int PAD_ID = 0;

    private final NDManager manager;
    private final Llama model;
    private final Sampler sampler;
    private final List<int[]> prompts = new ArrayList<>();
    private final SamplingParams params;

    public SamplingThroughput(BenchConfig config, NDManager parent) {
        this.manager = parent.newSubManager();
        this.model = Llama.random(config.model(), manager, config.seed());
        this.sampler = new Sampler(model, List.of(), PAD_ID);
        SplittableRandom rng = new SplittableRandom(config.seed() + 1);
        for (int i = 0; i < config.samplePrompts(); i++) {
            prompts.add(RandomTokens.draw(rng, config.promptLength(), config.model().vocabSize()));
        }
        this.params = new SamplingParams(config.newTokens(), 1.0, 0, 1.0, 1, config.seed());
    }

    /** One untimed two-token pass each way, so that the first timed pass pays no start-up cost. */
    public void warmUp() {
        SamplingParams shortPass = new SamplingParams(2, params.temperature(), params.topK(), params.topP(), 1,
                params.seed());
        sampler.sample(prompts, shortPass, decoding(true));
        sampler.sample(prompts, shortPass, decoding(false));
    }

    /** New tokens per second of one full sampling pass. */
    public double tokensPerSecond(boolean useCache) {
        long start = System.nanoTime();
        List<Sample> samples = sampler.sample(prompts, params, decoding(useCache));
        double seconds = (System.nanoTime() - start) / 1e9;
        long generated = samples.stream().mapToLong(s -> s.tokenIds().length).sum();
        return generated / seconds;
    }

    private static Decoding decoding(boolean useCache) {
        return useCache ? Decoding.COMPILED : Decoding.RECOMPUTE;
    }

    @Override
    public void close() {
        model.close();
        manager.close();
    }
}
