package dev.sppo.textdemo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A small real English corpus for the text demo: the human-written lines (quotes from books, films, series and games,
 * jokes, reviews) of the English YAML resources of {@code net.datafaker:datafaker} (Apache-2.0), read with
 * SnakeYAML; none of datafaker's code runs. The files are those {@value #SOURCES} lists; every string in them passes
 * through {@link QuoteFilter}, and a sentence seen before (ignoring case) is dropped. About 5,000 sentences and
 * 63,000 words remain, in file order then document order, split by {@link Corpus#split}.
 */
public final class QuoteCorpus {

    /** The held-out share of {@link #load()}. */
    public static final double DEFAULT_HELD_OUT_FRACTION = 0.1;

    /** The class-path resource naming datafaker's files to read. */
    static final String SOURCES = "dev/sppo/textdemo/quote-sources.txt";
    private static final String DATAFAKER_DIR = "en/";

    private QuoteCorpus() {}

    /** The corpus with a tenth held out. */
    public static Corpus load() {
        return load(DEFAULT_HELD_OUT_FRACTION);
    }

    /** @param heldOutFraction the expected share of held-out sentences, in [0, 1] */
    public static Corpus load(double heldOutFraction) {
        return Corpus.split(sentences(), heldOutFraction);
    }

    /** Every kept sentence, de-duplicated ignoring case, in file order then document order. */
    static List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String file : sourceFiles()) {
            for (String line : strings(DATAFAKER_DIR + file)) {
                for (String sentence : QuoteFilter.sentences(line)) {
                    if (seen.add(sentence.toLowerCase(Locale.ROOT))) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        return sentences;
    }

    /** The file names {@value #SOURCES} lists, without its comments and blank lines. */
    static List<String> sourceFiles() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(SOURCES),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SOURCES + " failed", e);
        }
    }

    /** The strings of a YAML resource, in document order. */
    static List<String> strings(String resource) {
        try (InputStream in = open(resource)) {
            List<String> strings = new ArrayList<>();
            collect(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), strings);
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " failed", e);
        }
    }

    private static void collect(Object node, List<String> strings) {
        if (node instanceof String text) {
            strings.add(text);
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collect(item, strings));
        } else if (node instanceof Map<?, ?> fields) {
            fields.values().forEach(value -> collect(value, strings));
        }
    }

    private static InputStream open(String resource) {
        InputStream in = QuoteCorpus.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path (datafaker's resources come with "
                    + "net.datafaker:datafaker)");
        }
        return in;
    }
}
