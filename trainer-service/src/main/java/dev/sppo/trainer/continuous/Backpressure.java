package dev.sppo.trainer.continuous;

/**
 * Whether the prompt consumer should pause or resume: with B = {@code max_rounds_behind} and {@code behind} the
 * rounds formed but not finished, it pauses when behind > B and resumes when behind ≤ B. A paused consumer
 * keeps its group membership and its offsets, so nothing is skipped: the prompts wait in the topic.
 */
public final class Backpressure {

    /** What to do with the consumer now. */
    public enum Decision {
        PAUSE,
        RESUME,
        KEEP
    }

    private Backpressure() {}

    public static Decision decide(boolean paused, int behind, int maxRoundsBehind) {
        boolean over = behind > maxRoundsBehind;
        if (over && !paused) {
            return Decision.PAUSE;
        }
        return !over && paused ? Decision.RESUME : Decision.KEEP;
    }
}
