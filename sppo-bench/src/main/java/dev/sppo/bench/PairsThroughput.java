package dev.sppo.bench;

import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Preference pairs per second of a {@link NamedScorer}: it compares K responses for each prompt of a fixed set
 * (half right answers, half the task's own corruptions), pass after pass until {@code minSeconds} have gone by,
 * and
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

    private final List<Prompt> prompts;
    private final List<List<String>> responses = new ArrayList<>();
    private final int k;

    public PairsThroughput(Task task, int promptCount, int k, long seed) {
        this.prompts = task.prompts(Split.TRAIN, promptCount);
        this.k = k;
        Random rng = new Random(seed);
        for (Prompt prompt : prompts) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                answers.add(task.demonstration(prompt, rng, 0.5));
            }
            responses.add(answers);
        }
    }

    public Rate measure(NamedScorer scorer, double minSeconds) {
        long start = System.nanoTime();
        long passes = 0;
        double seconds;
        do {
            for (int i = 0; i < prompts.size(); i++) {
                scorer.model().compare(prompts.get(i).text(), responses.get(i));
            }
            passes++;
            seconds = (System.nanoTime() - start) / 1e9;
        } while (seconds < minSeconds);
        return new Rate(scorer.name(), k, passes * prompts.size() * (long) k * (k - 1) / 2, seconds);
    }
}
