package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.markdown.MarkdownTable;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code ./sppo bench --onnx}: preference pairs per second of the ONNX kinds ({@link OnnxScorers}) on two kinds of
 * text: the default task's prompts and answers (a few tokens, as {@code ./sppo bench --full} times the other kinds)
 * and sentences ({@link PairsThroughput#sentences}: prompts of {@value #PROMPT_WORDS} words, responses of {@value
 * #RESPONSE_WORDS}), K = {@value #K}: one untimed pass, then passes repeated for at least {@value #MIN_SECONDS} s.
 */
public final class OnnxJudgeBench {

    static final int K = 5;
    static final int PROMPT_WORDS = 8;
    static final int RESPONSE_WORDS = 24;
    static final double MIN_SECONDS = 5;
    private static final int PROMPTS = 16;

    private final OnnxRuntimeSettings settings;
    private final Consumer<String> progress;

    public OnnxJudgeBench(OnnxRuntimeSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The markdown table of pairs/s; the models are written under {@code workDir}. */
    public String run(Path workDir) throws IOException {
        PairsThroughput task = new PairsThroughput(new SppoConfigReader().defaults().task().task(), PROMPTS, K, 1);
        PairsThroughput sentences = PairsThroughput.sentences(PROMPTS, K, PROMPT_WORDS, RESPONSE_WORDS, 1);
        MarkdownTable table = new MarkdownTable("preference model", "texts", "pairs", "seconds", "pairs/s");
        try (NDManager manager = NDManager.newBaseManager();
                OnnxScorers onnx = new OnnxScorers(workDir, manager, settings)) {
            for (NamedScorer scorer : onnx.scorers()) {
                task.measure(scorer, 0);
                row(table, "addition prompts and answers", task.measure(scorer, MIN_SECONDS));
                sentences.measure(scorer, 0);
                row(table, PROMPT_WORDS + "-word prompts, " + RESPONSE_WORDS + "-word responses",
                        sentences.measure(scorer, MIN_SECONDS));
            }
        }
        return "## sppo bench --onnx\n\n" + String.format(Locale.ROOT, "%d prompts × K = %d; pairs/s counts the "
                + "K(K-1)/2 unordered pairs of each prompt.%n%n", PROMPTS, K) + table.markdown();
    }

    private void row(MarkdownTable table, String texts, PairsThroughput.Rate rate) {
        progress.accept(String.format(Locale.ROOT, "%s, %s: %,.0f pairs/s", rate.scorer(), texts,
                rate.pairsPerSecond()));
        table.row(rate.scorer(), texts, String.format(Locale.ROOT, "%,d", rate.pairs()),
                String.format(Locale.ROOT, "%.2f", rate.seconds()),
                String.format(Locale.ROOT, "%,.0f", rate.pairsPerSecond()));
    }
}
