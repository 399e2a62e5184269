package dev.sppo.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts a list of single digits ascending: prompt {@code "sort 3,1,2="}, answer {@code "1,2,3"}.
 *
 * <p>A prompt draws its length uniformly in [minLength, maxLength], then each element uniformly in
 * 0..digits-1.
 *
 * <p>Score of a response r against the answer a: both are split at every comma into elements
 * (r = "1,,3" has the three elements "1", "", "3"), aligned from the left, and
 * <pre>  score = #{n < N : r_n = a_n} / N,   N = max(#elements of a, #elements of r)</pre>
 * An element that is not exactly the gold digit (a stray space, a letter, two digits) is wrong at
 * its place only, so a partly garbled list keeps the credit of its right places; an empty response,
 * or one without a single right place, scores 0.
 *
 * <p>Corruptions, a kind drawn uniformly first: swap two adjacent differing elements, drop one
 * element, or duplicate one element in place.
 */
public final class SortingTask extends GeneratedTask {

    public static final String NAME = "sorting";

    private final SortingConfig config;

    public SortingTask(SortingConfig config) {
        super(NAME, config.seed(), Pattern.compile("sort (\\d(,\\d)*)="), "sort 3,1,2=");
        this.config = config;
    }

    @Override
    public String alphabet() {
        return " ," + "0123456789".substring(0, config.digits()) + "=orst";
    }

    @Override
    public double score(Prompt prompt, String response) {
        if (response.isEmpty()) {
            return 0;
        }
        return Grading.matchFraction(elements(prompt.answer()), elements(response));
    }

    @Override
    public String corruption(Prompt prompt, Random rng) {
        List<String> sorted = elements(prompt.answer());
        List<String> swaps = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            List<String> dropped = new ArrayList<>(sorted);
            dropped.remove(i);
            drops.add(String.join(",", dropped));
            List<String> duplicated = new ArrayList<>(sorted);
            duplicated.add(i, sorted.get(i));
            duplicates.add(String.join(",", duplicated));
            if (i + 1 < sorted.size()) {
                List<String> swapped = new ArrayList<>(sorted);
                swapped.set(i, sorted.get(i + 1));
                swapped.set(i + 1, sorted.get(i));
                swaps.add(String.join(",", swapped));
            }
        }
        return Grading.pickCorruption(rng, prompt.answer(), List.of(swaps, drops, duplicates));
    }

    @Override
    Prompt fromMatch(Matcher match) {
        return prompt(elements(match.group(1)));
    }

    @Override
    Prompt draw(Random rng) {
        int length = config.minLength() + rng.nextInt(config.maxLength() - config.minLength() + 1);
        List<String> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(Integer.toString(rng.nextInt(config.digits())));
        }
        return prompt(list);
    }

    private static Prompt prompt(List<String> list) {
        List<String> sorted = new ArrayList<>(list);
        sorted.sort(null);
        return Prompt.of(NAME, "sort " + String.join(",", list) + "=", String.join(",", sorted));
    }

    private static List<String> elements(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(",", -1));
    }
}
