package dev.sppo.textdemo;

import com.google.gson.JsonObject;
import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.StagedDirectory;
import dev.sppo.preference.data.PreferencePairsJsonl;
import dev.sppo.preference.training.TrainPreferenceConfigReader;
import dev.sppo.preference.training.TrainPreferenceResult;
import dev.sppo.preference.training.TrainPreferenceRun;
import dev.sppo.tokenizer.HfTokenizer;
import dev.sppo.tokenizer.WordLevelTokenizerBuilder;
import dev.sppo.tokenizer.WordLevelTokenizerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text demo's inputs, built here from nothing but the build's Maven artifacts and cached by a hash of their
 * {@link TextDemoSettings}: the quote corpus split into training and held-out sentences ({@link QuoteCorpus}), a
 * word-level tokenizer built on the training split, π_0 pretrained on it ({@link BasePretraining}), the prompts (the
 * first words of the held-out sentences, as JSONL), and the training judge: a head on the frozen all-MiniLM-L6-v2
 * encoder trained on noisy VADER-labelled pairs ({@link SentimentPairs}, {@code train-preference}).
 *
 * @param dir the directory holding them all
 */
public record TextDemoAssets(Path dir) {

    static final String TOKENIZER = "tokenizer";
    static final String BASE = "base";
    static final String PROMPTS = "prompts.jsonl";
    static final String PAIRS = "pairs.jsonl";
    static final String JUDGE = "judge";
    static final String SETTINGS_KEY = "settings.sha256";

    /** π_0, a Hugging Face directory. */
    public Path base() {
        return dir.resolve(BASE);
    }

    /** The SPPO prompts: {@code {"id": ..., "prompt": ...}} a line. */
    public Path prompts() {
        return dir.resolve(PROMPTS);
    }

    /** The training judge's checkpoint, an {@code encoder_head} directory. */
    public Path judge() {
        return dir.resolve(JUDGE).resolve(TrainPreferenceRun.MODEL_DIR);
    }

    /**
     * The assets of the {@link TextDemoSettings#DEFAULTS} in {@code dir}, built first unless they were built there
     * with the same settings (the file {@value #SETTINGS_KEY} holds a hash of them); other contents of {@code dir}
     * are replaced.
     */
    public static TextDemoAssets prepare(Path dir, PrintStream log) throws IOException {
        return prepare(dir, TextDemoSettings.DEFAULTS, log);
    }

    /** The assets of {@code settings}, as {@link #prepare(Path, PrintStream)}. */
    public static TextDemoAssets prepare(Path dir, TextDemoSettings settings, PrintStream log) throws IOException {
        TextDemoAssets assets = new TextDemoAssets(dir);
        String key = key(settings);
        Path keyFile = dir.resolve(SETTINGS_KEY);
        if (Files.isRegularFile(keyFile) && Files.readString(keyFile).strip().equals(key)) {
            log.println("text demo: reusing the corpus, π_0 and the training judge in " + dir);
            return assets;
        }
        log.println("text demo: building the corpus, π_0 and the training judge (cached afterwards in " + dir + ")");
        StagedDirectory.write(dir, staging -> {
            build(staging, settings, log);
            Files.writeString(staging.resolve(SETTINGS_KEY), key + "\n");
        });
        return assets;
    }

    static String key(TextDemoSettings settings) {
        return Digests.sha256(("v1|" + settings).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static void build(Path dir, TextDemoSettings settings, PrintStream log) throws IOException {
        TextDemoSettings.Corpus c = settings.corpus();
        Corpus corpus = QuoteCorpus.load(c.heldOutFraction());
        log.printf(Locale.ROOT, "text demo: %d training sentences, %d held out%n", corpus.train().size(),
                corpus.heldOut().size());
        new WordLevelTokenizerBuilder(new WordLevelTokenizerConfig(c.minCount(), c.maxVocabulary()))
                .write(corpus.train(), dir.resolve(TOKENIZER));
        writePrompts(dir.resolve(PROMPTS), corpus.heldOut(), c.promptWords());
        BasePretraining.train(corpus.train(), dir.resolve(TOKENIZER), settings.base(), settings.seed(),
                dir.resolve(BASE), log);
        try (HfTokenizer tokenizer = HfTokenizer.load(dir.resolve(TOKENIZER))) {
            PreferencePairsJsonl.write(dir.resolve(PAIRS), SentimentPairs.noisy(corpus.train(), c.promptWords(),
                    settings.judge(), text -> tokenizer.decode(tokenizer.encode(text)), settings.seed()));
        }
        TrainPreferenceResult judge = TrainPreferenceRun.run(new TrainPreferenceConfigReader().read(Map.of(
                "kind", "encoder_head", "backbone", "onnx:all-minilm-l6-v2", "data", dir.resolve(PAIRS).toString(),
                "held_out", 0.1, "out_dir", dir.resolve(JUDGE).toString(), "seed", settings.seed())), log);
        log.printf(Locale.ROOT, "text demo: training judge's held-out accuracy %.3f vs its noisy labels%n",
                judge.training().heldOut().vsLabels());
    }

    /** One prompt a held-out sentence of more than {@code words + 1} words: its first {@code words} words. */
    private static void writePrompts(Path file, List<String> sentences, int words) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String sentence : sentences) {
            String[] split = sentence.split("\\s+");
            if (split.length > words + 1) {
                JsonObject line = new JsonObject();
                line.addProperty("id", "quote-" + lines.size());
                line.addProperty("prompt", String.join(" ", Arrays.copyOf(split, words)));
                lines.add(line.toString());
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
