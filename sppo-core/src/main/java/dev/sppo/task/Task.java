package dev.sppo.task;

import dev.sppo.game.ClassGame;
import dev.sppo.preference.Judge;
import dev.sppo.preference.JudgePreferenceModel;
import dev.sppo.preference.PreferenceModel;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A procedurally generated task: prompts with gold answers, a graded judge, and demonstrations
 * for supervised warm-up. Prompts and answers are short ASCII strings for a character-level policy.
 */
public interface Task {

    /** The name {@link Tasks#byName} knows the task by. */
    String name();

    /** Every character that any prompt, answer or demonstration of this task can contain. */
    String alphabet();

    /**
     * The first {@code count} prompts of {@code split}: distinct, the same for the same task config,
     * split and count, and a prefix of any longer request. No prompt text is in both splits.
     *
     * @throws IllegalArgumentException when the task's config holds fewer than {@code count} prompts of that split
     */
    List<Prompt> prompts(Split split, int count);

    /**
     * Rebuilds a prompt, gold answer included, from its text.
     *
     * @throws IllegalArgumentException when {@code text} is not a prompt of this task
     */
    Prompt parse(String text);

    /** How good {@code response} is as an answer to {@code prompt}: 1 for the gold answer, graded down to 0. */
    double score(Prompt prompt, String response);

    /** A plausibly wrong answer to {@code prompt}: never the gold answer, drawn with {@code rng}. */
    String corruption(Prompt prompt, Random rng);

    /**
     * A demonstration for {@code prompt}: with probability {@code corruptionRate} a
     * {@link #corruption}, otherwise the gold answer (a task of answer classes, which has no single right
     * answer, draws one of its own instead: {@link ClassGameTask}). Consumes one {@code rng.nextDouble()}, plus
     * the corruption's draws.
     */
    default String demonstration(Prompt prompt, Random rng, double corruptionRate) {
        if (!(corruptionRate >= 0 && corruptionRate <= 1)) {
            throw new IllegalArgumentException("corruptionRate must be in [0, 1], got " + corruptionRate);
        }
        return rng.nextDouble() < corruptionRate ? corruption(prompt, rng) : prompt.answer();
    }

    /** This task's {@link #score} as a judge of prompt texts: {@code (text, response) -> score(parse(text), response)}. */
    default Judge judge() {
        return (text, response) -> score(parse(text), response);
    }

    /**
     * The task's gold preference between responses: by default its {@link #judge()} read as a Bradley-Terry reward
     * model at temperature {@code tau} ({@link JudgePreferenceModel}); an intransitive task has its own.
     */
    default PreferenceModel goldPreference(double tau) {
        return new JudgePreferenceModel(judge(), tau);
    }

    /** The class game whose preference this task's gold preference is, for a task of answer classes. */
    default Optional<ClassGame> game() {
        return Optional.empty();
    }
}
