package dev.sppo.textdemo;

import dev.sppo.preference.data.PreferencePair;
import dev.sppo.preference.sentiment.VaderAnalyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The training judge's data: noisy preference pairs labelled by VADER, as a human rater who mostly but not always
 * prefers the happier continuation would label them. A pair takes the first words of one sentence as its prompt
 * and, as its two responses, the rest of that sentence and the rest of another; the first is chosen with
 * probability
 *
 * <pre>
 *   P(a chosen) = σ((c_a − c_b) / τ)      c = VADER compound of the response, in [−1, 1]
 * </pre>
 *
 * so the judge learned from them is a proxy of the demo's gold (VADER) that it never sees directly.
 */
final class SentimentPairs {

    private SentimentPairs() {}

    /**
     * @param sentences the training sentences
     * @param surface the text as the policy will write it (the tokenizer's round trip: lower case, words spaced)
     */
    static List<PreferencePair> noisy(List<String> sentences, int promptWords, TextDemoSettings.Judge settings,
            UnaryOperator<String> surface, long seed) {
        List<String[]> split = sentences.stream().map(s -> surface.apply(s).split(" "))
                .filter(words -> words.length > promptWords + 1).toList();
        VaderAnalyzer vader = VaderAnalyzer.shared();
        Random random = new Random(seed);
        List<PreferencePair> pairs = new ArrayList<>(settings.pairs());
        while (pairs.size() < settings.pairs()) {
            String[] a = split.get(random.nextInt(split.size()));
            String[] b = split.get(random.nextInt(split.size()));
            String prompt = String.join(" ", Arrays.copyOf(a, promptWords));
            String first = rest(a, promptWords);
            String second = rest(b, promptWords);
            if (first.equals(second)) {
                continue;
            }
            double z = (vader.compound(first) - vader.compound(second)) / settings.labelTemperature();
            boolean firstChosen = random.nextDouble() < 1 / (1 + Math.exp(-z));
            pairs.add(firstChosen ? new PreferencePair(prompt, first, second) : new PreferencePair(prompt, second, first));
        }
        return pairs;
    }

    private static String rest(String[] words, int from) {
        return String.join(" ", Arrays.copyOfRange(words, from, words.length));
    }
}
