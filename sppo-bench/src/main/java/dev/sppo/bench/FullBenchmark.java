package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.preference.training.FreshModels;
import dev.sppo.preference.training.ModelSize;
import dev.sppo.preference.training.TrainPreferenceConfigReader;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.loop.IterationResult.PhaseTimes;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.preference.JudgePreferenceModel;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.task.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The in-process sections of {@code sppo bench --full}, measured one after the other in this JVM: training per
 * model size ({@link TrainingScaling}), sampling per batch size ({@link SamplingScaling}), preference pairs per
 * second ({@link PairsThroughput}; the given scorers, then an LLM judge on loopback, {@link LoopbackJudge}) and the
 * cost growth of an SPPO iteration ({@link CostGrowth}) with its GPU projection ({@link ProjectionSection}).
 */
public final class FullBenchmark {

    private final FullBenchConfig config;
    private final List<NamedScorer> scorers;
    private final Path basePath;
    private final Path workDir;
    private final Consumer<String> progress;

    /**
     * @param scorers the preference models timed in the pairs section ({@link #defaultScorers()} and any other)
     * @param basePath the base policy of the cost-growth iterations
     * @param workDir where those iterations write their checkpoints
     */
    public FullBenchmark(FullBenchConfig config, List<NamedScorer> scorers, Path basePath, Path workDir,
            Consumer<String> progress) {
        this.config = config;
        this.scorers = List.copyOf(scorers);
        this.basePath = basePath;
        this.workDir = workDir;
        this.progress = progress;
    }

    /**
     * The gold judge of the default task (addition) at its default τ = 0.1, and a pairwise ranker and a reward
     * model of {@code ./sppo train-preference}'s default size over the task's characters (random weights: the
     * rate does not depend on them); their weights live in {@code manager}.
     */
    public static List<NamedScorer> defaultScorers(NDManager manager) {
        Task task = defaultTask();
        CharTokenizer tokenizer = new CharTokenizer(task.alphabet());
        ModelSize size = new TrainPreferenceConfigReader().defaults().model();
        String shape = size.hiddenSize() + " wide, " + size.layers() + " layers";
        double goldTau = PreferenceKind.GOLD_JUDGE.defaultTau();
        return List.of(
                new NamedScorer("gold judge (" + task.name() + ", τ = " + goldTau + ")",
                        new JudgePreferenceModel(task.judge(), goldTau)),
                new NamedScorer("pairwise ranker (" + shape + ")", FreshModels.ranker(size, tokenizer, manager, 1)),
                new NamedScorer("reward model (" + shape + ")",
                        FreshModels.rewardModel(size, tokenizer, manager, 1)));
    }

    public List<ReportSection> run() throws IOException {
        List<ReportSection> sections = new ArrayList<>();
        sections.add(training());
        sections.add(sampling());
        sections.add(pairs());
        SectionClock clock = new SectionClock();
        List<GrowthRow> rows = new CostGrowth(config.growth(), basePath, workDir, progress).run();
        sections.add(clock.finish("Cost growth of one SPPO iteration (in-process)", growthSetup(),
                growthTable(rows), GrowthReading.summary(rows)).withCharts(List.of(
                        PerformanceCharts.growth(rows, CostGrowth.K_AXIS, IterationJob::k),
                        PerformanceCharts.growth(rows, CostGrowth.PROMPTS_AXIS, IterationJob::prompts),
                        PerformanceCharts.growth(rows, CostGrowth.TOKENS_AXIS, IterationJob::maxNewTokens))));
        sections.add(ProjectionSection.render(GpuAssumptions.ultraFeedbackOn8H100()));
        return sections;
    }

    private ReportSection training() {
        SectionClock clock = new SectionClock();
        MarkdownTable table = new MarkdownTable("model", "parameters", "step (median)", "tokens/s", "GFLOP/s",
                "% of peak just before (median)", "% of best peak");
        for (TrainingScaling.SizedTraining t : TrainingScaling.run(config, progress)) {
            TrainingResult r = t.result();
            table.row(t.size().name() + ": " + t.size().shape(), format("%,d", t.size().parameters()),
                    format("%.1f ms", r.medianStepMillis()), format("%,.0f", r.tokensPerSecond()),
                    format("%.1f", r.achievedGflops()), format("%.1f %%", r.percentOfNearestPeak()),
                    format("%.1f %%", r.percentOfBestPeak()));
        }
        String setup = format("Forward, next-token loss, backward, clipping and AdamW on batch %d × seq %d, vocab 256; "
                + "%d warm-up and %d timed steps per size, each timed step right after %d timed %d³ float32 matmuls "
                + "whose best is its peak. FLOPs per step = 6·N_matmul·B·T + 12·L·B·T²·D (`FlopCount`).",
                config.trainBatch(), config.trainLength(), config.warmupSteps(), config.steps(),
                config.probeRepeats(), config.matmulSize());
        return clock.finish("Training throughput by model size", setup, table, "");
    }

    private ReportSection sampling() {
        SectionClock clock = new SectionClock();
        SamplingScaling.Result result = SamplingScaling.run(config, progress);
        MarkdownTable table = new MarkdownTable("batch (prompts)", "KV cache", "new tokens/s (median)", "best");
        for (int i = 0; i < config.samplingBatches().size(); i++) {
            Spread s = result.cachedByBatch().get(i);
            table.row(Integer.toString(config.samplingBatches().get(i)), "yes", format("%,.0f", s.median()),
                    format("%,.0f", s.best()));
        }
        table.row(config.uncachedBatch() + " (side by side)", "yes",
                format("%,.0f", result.cachedAtUncachedBatch().median()),
                format("%,.0f", result.cachedAtUncachedBatch().best()));
        table.row(Integer.toString(config.uncachedBatch()), "no", format("%,.0f", result.uncached().median()),
                format("%,.0f", result.uncached().best()));
        String setup = format("Model: %s (%s, %,d parameters), random weights; prompts of %d random tokens, %d new "
                + "tokens each (no stop token), temperature 1; %d rounds over all passes.", config.samplingModel().name(),
                config.samplingModel().shape(), config.samplingModel().parameters(), config.promptLength(),
                config.newTokens(), config.samplingRounds());
        return clock.finish("Sampling throughput: KV cache and batch size", setup, table,
                format("KV-cache speed-up at batch %d: %.1f×.", config.uncachedBatch(), result.cacheSpeedUp()))
                .withCharts(List.of(PerformanceCharts.sampling(config.samplingBatches(), result.cachedByBatch())));
    }

    private ReportSection pairs() {
        SectionClock clock = new SectionClock();
        PairsThroughput bench = new PairsThroughput(defaultTask(), config.pairPrompts(), config.pairSamples(),
                config.seed());
        MarkdownTable table = new MarkdownTable("preference model", "K", "pairs", "seconds", "pairs/s");
        for (NamedScorer scorer : scorers) {
            measure(bench, scorer, table);
        }
        String exchanges;
        try (LoopbackJudge judge = LoopbackJudge.start()) {
            measure(bench, new NamedScorer(LoopbackJudge.describe(), judge), table);
            exchanges = format("The LLM judge asks both orders of every pair, one HTTP exchange each, of a chat server "
                    + "in this JVM that answers at once (`LoopbackChatServer`): %,d exchanges took %.3f ms each on "
                    + "average (the round trip over loopback, the server's answer and reading the verdict; rendering "
                    + "the judge's prompt comes before). Against a real server each exchange also waits for the model, "
                    + "so its pairs/s is at most %d / (2 × its latency).", judge.exchanges(),
                    judge.exchangeMillis() / judge.exchanges(), LoopbackJudge.IN_FLIGHT);
        }
        String setup = format("%d addition prompts × K = %d responses (half right, half the task's corruptions); a pass "
                + "compares all K responses of every prompt; passes repeat for at least %.0f s; pairs/s counts the "
                + "K(K-1)/2 unordered pairs of each prompt.", config.pairPrompts(), config.pairSamples(),
                config.pairMinSeconds());
        return clock.finish("Preference pairs per second", setup, table, exchanges);
    }

    private void measure(PairsThroughput bench, NamedScorer scorer, MarkdownTable table) {
        PairsThroughput.Rate rate = bench.measure(scorer, config.pairMinSeconds());
        progress.accept(format("pairs %s: %,.0f pairs/s", scorer.name(), rate.pairsPerSecond()));
        table.row(scorer.name(), Integer.toString(rate.k()), format("%,d", rate.pairs()),
                format("%.2f", rate.seconds()), format("%,.0f", rate.pairsPerSecond()));
    }

    private String growthSetup() {
        GrowthPlan p = config.growth();
        return format("One `SppoLoop` iteration on the addition task from the same base policy (`base.path`, the "
                + "default warm start) and seed, the default training; from the centre K = %d, %d prompts, "
                + "max_new_tokens = %d one axis varies at a time (the centre appears once per axis, a measure of the "
                + "noise). Evaluation (%d held-out prompts) is not counted.", p.k(), p.prompts(), p.maxNewTokens(),
                p.evaluationPrompts());
    }

    private static MarkdownTable growthTable(List<GrowthRow> rows) {
        MarkdownTable table = new MarkdownTable("axis", "K", "prompts", "max_new_tokens", "generate s", "prefer s",
                "train s", "train steps", "responses/s (generate)");
        for (GrowthRow row : rows) {
            PhaseTimes t = row.phases();
            IterationJob j = row.job();
            table.row(row.axis(), Integer.toString(j.k()), Integer.toString(j.prompts()),
                    Integer.toString(j.maxNewTokens()), format("%.2f", t.generate()), format("%.3f", t.prefer()),
                    format("%.2f", t.train()), Integer.toString(row.trainSteps()),
                    format("%,.0f", row.responsesPerSecond()));
        }
        return table;
    }

    private static Task defaultTask() {
        return new SppoConfigReader().defaults().task().task();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
