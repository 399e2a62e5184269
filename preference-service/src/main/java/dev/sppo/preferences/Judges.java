package dev.sppo.preferences;

import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.preference.JudgePreferenceModel;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.task.Task;
import dev.sppo.task.Tasks;

/**
 * Builds the preference model a job names in its {@link PreferenceSpec}. The one kind so far, {@code gold_judge},
 * grades each response y_i with the task's gold judge, r_i in [0, 1], and reads the grades as a Bradley-Terry
 * reward model with temperature τ ({@code spec.tau()}):
 * <pre>  s_i = r_i / τ,   P[i][j] = σ(s_i − s_j) = σ((r_i − r_j) / τ)</pre>
 */
final class Judges {

    /** The built-in task's gold judge read as a Bradley-Terry reward model. */
    static final String GOLD_JUDGE = "gold_judge";

    private Judges() {}

    /**
     * The model for {@code spec}, checked against the prompt it will judge.
     *
     * @throws UnscorableException naming {@code preference.kind}, {@code preference.task} or {@code prompt}
     */
    static PreferenceModel forPrompt(PreferenceSpec spec, String prompt) {
        if (!GOLD_JUDGE.equals(spec.kind())) {
            throw new UnscorableException("preference.kind",
                    "unknown kind '" + spec.kind() + "'; known kinds: " + GOLD_JUDGE);
        }
        Task task;
        try {
            task = Tasks.byName(spec.task());
        } catch (IllegalArgumentException e) {
            throw new UnscorableException("preference.task", e.getMessage());
        }
        try {
            task.parse(prompt);
        } catch (IllegalArgumentException e) {
            throw new UnscorableException("prompt", e.getMessage());
        }
        return new JudgePreferenceModel(task.judge(), spec.tau());
    }
}
