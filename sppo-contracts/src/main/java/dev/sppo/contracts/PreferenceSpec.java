package dev.sppo.contracts;

/**
 * Which preference model scores a job's responses.
 *
 * @param kind {@code gold_judge}: the built-in task's gold judge as a Bradley-Terry preference
 * @param task the built-in task whose judge is used
 * @param tau the Bradley-Terry temperature τ in P = σ((r_i - r_j)/τ)
 */
public record PreferenceSpec(String kind, String task, double tau) {

    public PreferenceSpec {
        Require.text("PreferenceSpec", "kind", kind);
        Require.text("PreferenceSpec", "task", task);
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new InvalidMessageException("PreferenceSpec.tau: must be a finite number > 0, got " + tau);
        }
    }
}
