package dev.sppo.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link WordLevelTokenizerBuilder} tokenizer cuts text into words, both as the Hugging Face {@code
 * tokenizer.json} components that do it and as the same steps in Java, which count the training words:
 *
 * <ol>
 *   <li>normalizer: strip, every run of whitespace to one space, lower case;
 *   <li>Metaspace (prepend always, split): spaces become {@value #SPACE} and each word starts with one, so that
 *       {@code "hello, world."} is {@code ▁hello,} {@code ▁world.};
 *   <li>Split, isolated, on {@link #PUNCTUATION}: each punctuation mark becomes its own word, with the
 *       {@value #SPACE} before it if it had one; an apostrophe inside a word ({@code don't}) stays in it:
 *       {@code ▁hello} {@code ,} {@code ▁world} {@code .}.
 * </ol>
 *
 * The Metaspace decoder turns {@value #SPACE} back into spaces and drops the first one, so decoding the words of a
 * text gives its normalised form back exactly.
 */
final class WordPieces {

    /** The character that stands for a space before a word. */
    static final String SPACE = "\u2581";

    /**
     * A punctuation mark (anything but a letter, a digit, {@value #SPACE} or an apostrophe, or an apostrophe not
     * between letters or digits), with the {@value #SPACE} before it.
     */
    static final String PUNCTUATION = SPACE + "?(?:[^\\p{L}\\p{N}" + SPACE + "']|'(?![\\p{L}\\p{N}])"
            + "|(?<![\\p{L}\\p{N}])')";

    private static final Pattern PUNCTUATION_PATTERN = Pattern.compile(PUNCTUATION);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private WordPieces() {}

    /** The text as the normalizer leaves it: stripped, single-spaced, lower case. */
    static String normalize(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The words of a text, as the tokenizer's normalizer and pre-tokenizers cut it. */
    static List<String> words(String text) {
        String normalized = normalize(text);
        List<String> words = new ArrayList<>();
        if (normalized.isEmpty()) {
            return words;
        }
        for (String spaced : normalized.split(" ")) {
            isolatePunctuation(SPACE + spaced, words);
        }
        return words;
    }

    private static void isolatePunctuation(String piece, List<String> words) {
        Matcher matcher = PUNCTUATION_PATTERN.matcher(piece);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) {
                words.add(piece.substring(end, matcher.start()));
            }
            words.add(matcher.group());
            end = matcher.end();
        }
        if (end < piece.length()) {
            words.add(piece.substring(end));
        }
    }

    static JsonObject normalizer() {
        JsonObject strip = TokenizerJsonParts.type("Strip");
        strip.addProperty("strip_left", true);
        strip.addProperty("strip_right", true);
        JsonObject collapse = TokenizerJsonParts.type("Replace");
        collapse.add("pattern", regex("\\s+"));
        collapse.addProperty("content", " ");
        JsonArray steps = new JsonArray();
        steps.add(strip);
        steps.add(collapse);
        steps.add(TokenizerJsonParts.type("Lowercase"));
        JsonObject sequence = TokenizerJsonParts.type("Sequence");
        sequence.add("normalizers", steps);
        return sequence;
    }

    static JsonObject preTokenizer() {
        JsonObject split = TokenizerJsonParts.type("Split");
        split.add("pattern", regex(PUNCTUATION));
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        JsonArray steps = new JsonArray();
        steps.add(metaspace());
        steps.add(split);
        JsonObject sequence = TokenizerJsonParts.type("Sequence");
        sequence.add("pretokenizers", steps);
        return sequence;
    }

    /** The Metaspace decoder, the same component as the pre-tokenizer. */
    static JsonObject decoder() {
        return metaspace();
    }

    private static JsonObject metaspace() {
        JsonObject metaspace = TokenizerJsonParts.type("Metaspace");
        metaspace.addProperty("replacement", SPACE);
        metaspace.addProperty("prepend_scheme", "always");
        metaspace.addProperty("split", true);
        return metaspace;
    }

    private static JsonObject regex(String pattern) {
        JsonObject regex = new JsonObject();
        regex.addProperty("Regex", pattern);
        return regex;
    }
}
