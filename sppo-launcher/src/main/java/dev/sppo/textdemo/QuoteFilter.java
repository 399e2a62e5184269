package dev.sppo.textdemo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which lines of datafaker's YAML resources are plain English sentences for the text demo's corpus. A line has its
 * whitespace collapsed to single spaces; one longer than {@value #MAX_WORDS} words is cut into its sentences (at
 * whitespace after ".", "!" or "?" and before a capital letter), and each line or sentence is kept when it:
 * <ul>
 *   <li>has {@value #MIN_WORDS} to {@value #MAX_WORDS} words;
 *   <li>holds only ASCII letters, digits, spaces and the punctuation {@code . , ! ? ' ; : -}: no template
 *       ({@code #{name}}, {@code ##-###}), no quotation marks, brackets, slashes or non-ASCII text;
 *   <li>starts with a capital letter;
 *   <li>has at most a third of its words capitalised: names and titles ("Our Lady of the Angels Hospital",
 *       "Harry Potter and the Deathly Hallows") are mostly capitals, sentences are not.
 * </ul>
 */
final class QuoteFilter {

    /** The fewest words of a kept sentence. */
    static final int MIN_WORDS = 6;
    /** The most words of a kept sentence. */
    static final int MAX_WORDS = 30;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 .,!?';:\\-]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private QuoteFilter() {}

    /** The sentences of a line that the corpus keeps, in order: the line itself, some of its sentences, or none. */
    static List<String> sentences(String line) {
        String collapsed = WHITESPACE.matcher(line.strip()).replaceAll(" ");
        List<String> parts = words(collapsed).size() <= MAX_WORDS ? List.of(collapsed)
                : Arrays.asList(SENTENCE_END.split(collapsed));
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (isPlainSentence(part)) {
                kept.add(part);
            }
        }
        return kept;
    }

    /** Whether a single-spaced text is kept as it is (see the class comment). */
    static boolean isPlainSentence(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS || words.size() > MAX_WORDS || !PLAIN.matcher(text).matches()
                || !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        long capitalised = words.stream().filter(word -> Character.isUpperCase(word.charAt(0))).count();
        return capitalised * 3 <= words.size();
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }
}
