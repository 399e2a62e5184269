package dev.sppo.preference;

import java.util.function.Function;

/** The gold preference of a built-in task with its settings, as a {@code gold_judge} spec asks for it. */
@FunctionalInterface
public interface GoldPreferences {

    /**
     * @param tau the spec's Bradley-Terry temperature, for a task whose gold preference reads a pointwise judge
     * @throws IllegalArgumentException for an unknown task or settings it cannot have
     */
    PreferenceModel of(TaskSettings task, double tau);

    /** Each task's pointwise judge read as a Bradley-Terry reward model ({@link JudgePreferenceModel}). */
    static GoldPreferences ofJudges(Function<TaskSettings, Judge> judges) {
        return (task, tau) -> new JudgePreferenceModel(judges.apply(task), tau);
    }
}
