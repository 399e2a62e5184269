package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.sampling.Decoding;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * SPPO's sampling at a text model's size: a random model of SmolLM2-135M's shape, {@value #PROMPTS} random prompts of
 * {@value #PROMPT_TOKENS} tokens, K = {@value #SAMPLES} samples of {@value #NEW_TOKENS} new tokens each (temperature
 * 1, no stop token), once per {@link Decoding} with a cache. FLOPs, counted as the issue counts them (forward only):
 *
 * <pre>
 *   prefill  = 2·N_matmul·R·P + 4·L·R·P²·D        R: the rows prefilled (prompts, or prompts × K), P: prompt tokens
 *   decode   = Σ over new tokens of 2·N_matmul + 4·L·D·position
 * </pre>
 *
 * and compared with the best of 3 float32 1024³ matmuls measured just before each run.
 */
public final class TextSampling {

    static final int PROMPTS = 64;
    static final int PROMPT_TOKENS = 64;
    static final int SAMPLES = 4;
    static final int NEW_TOKENS = 128;
    private static final int PAD_ID = 0;
    private static final int PEAK_SIZE = 1024;

    private final LlamaConfig config;
    private final Consumer<String> progress;

    public TextSampling(LlamaConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * SmolLM2-135M's shape: vocab 49152, hidden 576, 30 layers, 9 heads over 3 key/value heads, SwiGLU 1536, tied
     * embeddings, rope theta 100000.
     */
    public static LlamaConfig smolLm2Shape() {
        return LlamaConfig.builder().vocabSize(49152).hiddenSize(576).intermediateSize(1536).numHiddenLayers(30)
                .numAttentionHeads(9).numKeyValueHeads(3).ropeTheta(100000.0).maxPositionEmbeddings(2048)
                .tieWordEmbeddings(true).initializerRange(0.02).build();
    }

    /** A markdown table: one row per decoding. */
    public String run() {
        MarkdownTable table = new MarkdownTable("decoding", "seconds", "new tokens/s", "GFLOP/s", "% of peak");
        List<int[]> prompts = prompts();
        SamplingParams params = new SamplingParams(NEW_TOKENS, 1.0, 0, 1.0, SAMPLES, 11L);
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = Llama.random(config, manager, 5L);
                MatmulPeak peak = new MatmulPeak(manager, PEAK_SIZE)) {
            Sampler sampler = new Sampler(model, List.of(), PAD_ID);
            sampler.sample(prompts.subList(0, 1), params.withNumSamples(1));
            peak.warmUp(3);
            for (Decoding decoding : List.of(Decoding.CACHED, Decoding.SHARED_PREFIX, Decoding.COMPILED)) {
                double best = peak.best(3);
                long start = System.nanoTime();
                List<Sample> samples = sampler.sample(prompts, params, decoding);
                double seconds = (System.nanoTime() - start) / 1e9;
                long tokens = samples.stream().mapToLong(s -> s.tokenIds().length).sum();
                long prefilled = decoding == Decoding.CACHED ? (long) PROMPTS * SAMPLES : PROMPTS;
                double gflops = flops(config, prefilled) / seconds / 1e9;
                String row = String.format(Locale.ROOT, "%s: %.1f s, %.1f tokens/s, %.1f GFLOP/s, %.1f %% of %.1f",
                        decoding, seconds, tokens / seconds, gflops, 100 * gflops / best, best);
                progress.accept("text sampling " + row);
                table.row(decoding.name(), format("%.1f", seconds), format("%,.1f", tokens / seconds),
                        format("%.1f", gflops), format("%.1f %%", 100 * gflops / best));
            }
        }
        return table.markdown();
    }

    /** The FLOPs of one run whose prefill runs {@code prefilled} rows (see the class comment). */
    static double flops(LlamaConfig config, long prefilled) {
        long nMatmul = FlopCount.matmulWeights(config);
        long width = config.hiddenSize();
        long layers = config.numHiddenLayers();
        double prefill = 2.0 * nMatmul * prefilled * PROMPT_TOKENS
                + 4.0 * layers * prefilled * PROMPT_TOKENS * PROMPT_TOKENS * width;
        double decode = 0;
        for (int position = PROMPT_TOKENS; position < PROMPT_TOKENS + NEW_TOKENS - 1; position++) {
            decode += 2.0 * nMatmul + 4.0 * layers * width * position;
        }
        return prefill + decode * PROMPTS * SAMPLES;
    }

    private List<int[]> prompts() {
        SplittableRandom rng = new SplittableRandom(3L);
        List<int[]> prompts = new ArrayList<>(PROMPTS);
        for (int i = 0; i < PROMPTS; i++) {
            prompts.add(RandomTokens.draw(rng, PROMPT_TOKENS, config.vocabSize()));
        }
        return prompts;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
