package dev.sppo.preference.sentiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text as VADER's rules read it: its whitespace-separated tokens with leading and trailing punctuation removed
 * unless that leaves two characters or fewer (so {@code ":)"} and {@code "it,"} stay as written, contractions keep
 * their apostrophe), their lower-case forms, and whether some but not all tokens are in ALL CAPS.
 *
 * @param text the text, stripped of surrounding whitespace
 * @param words the tokens as written
 * @param lower the tokens lower-cased
 * @param capsDifferential whether ALL-CAPS words stand out: some tokens, not all, are upper case
 */
record VaderText(String text, List<String> words, List<String> lower, boolean capsDifferential) {

    /** ASCII punctuation, Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    static VaderText of(String text) {
        String stripped = text.strip();
        List<String> words = stripped.isEmpty() ? List.of()
                : Arrays.stream(stripped.split("\\s+")).map(VaderText::stripPunctuation).toList();
        List<String> lower = words.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
        long caps = words.stream().filter(VaderText::isUpperCase).count();
        return new VaderText(stripped, words, lower, caps > 0 && caps < words.size());
    }

    int size() {
        return words.size();
    }

    /** Whether a word has a cased letter and no lower-case one, as Python's {@code str.isupper}. */
    static boolean isUpperCase(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    private static String stripPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return end - start <= 2 ? token : token.substring(start, end);
    }
}
