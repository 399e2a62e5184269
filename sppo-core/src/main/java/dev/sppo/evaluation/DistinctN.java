package dev.sppo.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation Models"): the number
 * of distinct word n-grams over all texts divided by the total number of word n-grams, words being the lower-cased
 * whitespace-separated tokens; n-grams do not cross texts. 0 when the texts hold no n-gram.
 */
public final class DistinctN {

    private DistinctN() {}

    public static double of(List<String> texts, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Set<List<String>> distinct = new HashSet<>();
        long total = 0;
        for (String text : texts) {
            String trimmed = text.strip().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            List<String> words = List.of(trimmed.split("\\s+"));
            for (int i = 0; i + n <= words.size(); i++) {
                distinct.add(words.subList(i, i + n));
                total++;
            }
        }
        return total == 0 ? 0 : (double) distinct.size() / total;
    }
}
