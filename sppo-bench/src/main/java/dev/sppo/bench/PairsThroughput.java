package dev.sppo.bench;

import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Preference pairs per second of a {@link NamedScorer}: it compares K responses for each prompt of a fixed set
 * (a task's prompts with half right answers, half the task's own corruptions; or {@link #sentences}), pass after
 * pass until {@code minSeconds} have gone by, and
 *
 * <pre>
 *   pairs/s = passes · prompts · K(K-1)/2 / wall seconds
 * </pre>
 *
 * counting each unordered pair once (P[j][i] = 1 - P[i][j] comes with it).
 */
public final class PairsThroughput {

    /**
     * @param scorer what was timed
     * @param k responses per prompt
     * @param pairs unordered pairs compared in all
     * @param seconds wall time of all passes
     */
    public record Rate(String scorer, int k, long pairs, double seconds) {

        public double pairsPerSecond() {
            return pairs / seconds;
        }
    }

    /** Words of everyday English that {@link #sentences} draws its texts from. */
    private static final List<String> WORDS = List.of("the", "film", "was", "a", "quiet", "story", "about", "two",
            "friends", "who", "travel", "across", "country", "and", "find", "that", "their", "old", "town", "has",
            "changed", "more", "than", "they", "thought", "music", "is", "warm", "but", "ending", "feels", "rushed",
            "still", "worth", "seeing", "with", "family", "on", "rainy", "evening");

    private final List<String> prompts = new ArrayList<>();
    private final List<List<String>> responses = new ArrayList<>();
    private final int k;

    public PairsThroughput(Task task, int promptCount, int k, long seed) {
        this.k = k;
        Random rng = new Random(seed);
        for (Prompt prompt : task.prompts(Split.TRAIN, promptCount)) {
            prompts.add(prompt.text());
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                answers.add(task.demonstration(prompt, rng, 0.5));
            }
            responses.add(answers);
        }
    }

    private PairsThroughput(int k) {
        this.k = k;
    }

    /**
     * Prompts of {@code promptWords} and K responses of {@code responseWords} random everyday words each: text of
     * the length a text judge reads (a word is about 1.3 WordPiece tokens).
     */
    public static PairsThroughput sentences(int promptCount, int k, int promptWords, int responseWords, long seed) {
        PairsThroughput bench = new PairsThroughput(k);
        Random rng = new Random(seed);
        for (int p = 0; p < promptCount; p++) {
            bench.prompts.add(words(rng, promptWords));
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                answers.add(words(rng, responseWords));
            }
            bench.responses.add(answers);
        }
        return bench;
    }

    private static String words(Random rng, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS.get(rng.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    public Rate measure(NamedScorer scorer, double minSeconds) {
        long start = System.nanoTime();
        long passes = 0;
        double seconds;
        do {
            for (int i = 0; i < prompts.size(); i++) {
                scorer.model().compare(prompts.get(i), responses.get(i));
            }
            passes++;
            seconds = (System.nanoTime() - start) / 1e9;
        } while (seconds < minSeconds);
        return new Rate(scorer.name(), k, passes * prompts.size() * (long) k * (k - 1) / 2, seconds);
    }
}
