package dev.sppo.preference.data;

import dev.sppo.task.Prompt;
import dev.sppo.task.Task;

import java.util.Random;

/**
 * Draws candidate responses to a built-in task's prompt, a mix of what a policy in training produces:
 *
 * <ul>
 *   <li>with probability 1/3 the gold answer;
 *   <li>with probability 1/3 one of the task's plausible corruptions ({@link Task#corruption}: what the SFT warm
 *       start trains on, e.g. off by one or by ten, swapped digits);
 *   <li>with probability 1/3 a near miss: the gold answer with one character deleted, repeated or replaced by
 *       another character of the answer.
 * </ul>
 */
final class CandidateAnswers {

    private final Task task;

    CandidateAnswers(Task task) {
        this.task = task;
    }

    String draw(Prompt prompt, Random rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> prompt.answer();
            case 1 -> task.corruption(prompt, rng);
            default -> nearMiss(prompt.answer(), rng);
        };
    }

    private static String nearMiss(String gold, Random rng) {
        int at = rng.nextInt(gold.length());
        StringBuilder edited = new StringBuilder(gold);
        switch (rng.nextInt(3)) {
            case 0 -> {
                if (gold.length() > 1) {
                    edited.deleteCharAt(at);
                } else {
                    edited.append(gold.charAt(at));
                }
            }
            case 1 -> edited.insert(at, gold.charAt(at));
            default -> edited.setCharAt(at, gold.charAt(rng.nextInt(gold.length())));
        }
        return edited.toString();
    }
}
