package dev.sppo.evaluation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation Models"): the number
 * of distinct word n-grams divided by the total number of word n-grams over a set of texts, the guard against a
 * policy that repeats itself ("good good good"). Words are the lower-cased whitespace-separated tokens; an n-gram
 * never spans two texts.
 */
public final class DistinctN {

    private DistinctN() {}

    /**
     * @param texts the texts, such as a policy's responses to the held-out prompts
     * @param n the n-gram length, at least 1
     * @return distinct / total n-grams, in (0, 1]; 0 when the texts have no n-gram
     */
    public static double of(List<String> texts, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Set<List<String>> distinct = new HashSet<>();
        long total = 0;
        for (String text : texts) {
            List<String> words = words(text);
            for (int start = 0; start + n <= words.size(); start++) {
                distinct.add(words.subList(start, start + n));
                total++;
            }
        }
        return total == 0 ? 0 : distinct.size() / (double) total;
    }

    private static List<String> words(String text) {
        String stripped = text.strip().toLowerCase(Locale.ROOT);
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }
}
