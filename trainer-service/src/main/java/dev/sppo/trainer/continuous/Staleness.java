package dev.sppo.trainer.continuous;

/**
 * The staleness bound: responses sampled from π_v while π_s serves are stale when s - v > S. A stale response
 * is regenerated with π_s (at most {@code max_regenerations} times per prompt) or dropped, as configured; a
 * response from a version at or ahead of the serving one is never stale.
 */
public final class Staleness {

    /** What happens to one prompt's responses. */
    public enum Verdict {
        FRESH,
        REGENERATE,
        DROP
    }

    private Staleness() {}

    /**
     * @param servingVersion s, the promoted version the round was generated for
     * @param servedVersion v, the version the generator reports it sampled from
     * @param regenerations how often this prompt was already regenerated
     */
    public static Verdict judge(int servingVersion, int servedVersion, int regenerations, ContinuousSettings settings) {
        if (servingVersion - servedVersion <= settings.stalenessBound()) {
            return Verdict.FRESH;
        }
        boolean mayRegenerate = settings.staleAction() == ContinuousSettings.StaleAction.REGENERATE
                && regenerations < settings.maxRegenerations();
        return mayRegenerate ? Verdict.REGENERATE : Verdict.DROP;
    }
}
