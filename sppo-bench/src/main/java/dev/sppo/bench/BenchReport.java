package dev.sppo.bench;

import dev.sppo.markdown.MarkdownTable;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaLayout;

import java.util.Locale;

/**
 * The outcome of a benchmark run, printed as a markdown table with the targets (training at least
 * {@value #TRAINING_TARGET_PERCENT} % of the matmul peak, the key/value cache at least {@value
 * #CACHE_TARGET_SPEEDUP}× faster than recomputing) and the FLOP accounting of {@link FlopCount}.
 *
 * @param config what was run
 * @param machine the threads and the machine's load
 * @param peak the matmul rates in GFLOP/s (every timed product, probes included)
 * @param training the training throughput
 * @param sampling the sampling throughput
 * @param scoring the preference-scoring throughput of the ranker, the reward model and an LLM judge
 */
public record BenchReport(BenchConfig config, Machine machine, Spread peak, TrainingResult training,
        SamplingResult sampling, ScoringResult scoring) {

    public static final double TRAINING_TARGET_PERCENT = 75;
    public static final double CACHE_TARGET_SPEEDUP = 8;

    public String markdown() {
        MarkdownTable table = new MarkdownTable("measurement", "value", "target");
        int n = config.matmulSize();
        table.row("matmul peak " + n + "³ float32, best of " + peak.count(), gflops(peak.best()), "");
        table.row("matmul peak, median", gflops(peak.median()), "");
        table.row("training step " + config.trainBatch() + "×" + config.trainLength() + " tokens, median of "
                + training.steps(), format("%.1f ms", training.medianStepMillis()), "");
        table.row("training throughput", format("%,.0f tokens/s", training.tokensPerSecond()), "");
        table.row("training achieved", gflops(training.achievedGflops()), "");
        table.row("training / peak measured just before (median)", format("%.1f %%", training.percentOfNearestPeak()),
                target(training.percentOfNearestPeak(), TRAINING_TARGET_PERCENT, "%.0f %%"));
        table.row("training / best peak of the run", format("%.1f %%", training.percentOfBestPeak()), "");
        String passes = config.samplePrompts() + " prompts × " + config.newTokens() + " new tokens, median of "
                + sampling.cached().count();
        table.row("sampling with KV cache, " + passes, format("%,.0f tokens/s", sampling.cached().median()), "");
        table.row("sampling without cache, " + passes, format("%,.0f tokens/s", sampling.uncached().median()), "");
        table.row("KV-cache speed-up", format("%.1f×", sampling.speedUp()),
                target(sampling.speedUp(), CACHE_TARGET_SPEEDUP, "%.0f×"));
        String scored = config.samplePrompts() + " prompts × K = " + PreferenceThroughput.K + " responses of "
                + config.newTokens() + " tokens, median of " + scoring.ranker().count();
        table.row("pairwise ranker scoring, " + scored, format("%,.0f pairs/s", scoring.ranker().median()), "");
        table.row("reward model scoring, " + scored, format("%,.0f pairs/s", scoring.reward().median()), "");
        table.row(LoopbackJudge.describe() + " scoring, " + scored, format("%,.0f pairs/s",
                scoring.llmJudge().median()), "");
        table.row("LLM judge: one HTTP exchange over loopback and its verdict read, 2 per pair (median of means)",
                format("%.2f ms", scoring.exchangeMillis()), "");
        return "## sppo bench\n\n" + modelLine() + "\n\n" + table.markdown() + "\n" + flopLine() + "\n";
    }

    private String modelLine() {
        LlamaConfig m = config.model();
        long parameters = LlamaLayout.tensors(m).stream().mapToLong(LlamaLayout.TensorSpec::numel).sum();
        return format("Model: vocab %d, hidden %d, %d layers, %d heads (%d kv), SwiGLU %d, %s embeddings, %,d "
                        + "parameters. %d rounds of peak, training, sampling and preference scoring in turn. %s",
                m.vocabSize(), m.hiddenSize(), m.numHiddenLayers(), m.numAttentionHeads(), m.numKeyValueHeads(),
                m.intermediateSize(), m.tieWordEmbeddings() ? "tied" : "untied", parameters, config.rounds(),
                machine.describe());
    }

    private String flopLine() {
        LlamaConfig m = config.model();
        int b = config.trainBatch();
        int t = config.trainLength();
        String sum = format("6·%,d·%d + 12·%d·%d·%d²·%d = %.2f + %.2f = %.2f GFLOP",
                FlopCount.matmulWeights(m), b * t, m.numHiddenLayers(), b, t, m.numAttentionHeads() * m.headDim(),
                FlopCount.matmulFlops(m, b, t) / 1e9, FlopCount.attentionFlops(m, b, t) / 1e9,
                training.flopsPerStep() / 1e9);
        return "FLOPs per training step = 6·N_matmul·B·T + 12·L·B·T²·D = " + sum
                + ". N_matmul counts every weight matrix that multiplies activations (q, k, v, o, gate, up, down "
                + "per layer, plus the output head once; the embedding lookup is not a matmul); 6 = 2 forward + 4 "
                + "backward per weight and token. Attention counts the full T×T scores and weighted sum, forward "
                + "and backward.";
    }

    /** "≥ goal (met)" or "≥ goal (missed)", the goal written with {@code unitPattern}. */
    private static String target(double value, double goal, String unitPattern) {
        return format("≥ " + unitPattern, goal) + (value >= goal ? " (met)" : " (missed)");
    }

    private static String gflops(double value) {
        return format("%.1f GFLOP/s", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
