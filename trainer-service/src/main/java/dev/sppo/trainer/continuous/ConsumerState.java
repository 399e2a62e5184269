package dev.sppo.trainer.continuous;

/**
 * The prompt consumer and staleness counters of this instance, since it started.
 *
 * @param paused whether backpressure holds the consumer paused now
 * @param pauses how often backpressure paused it
 * @param resumes how often it resumed
 * @param lag records of {@code sppo.prompts} not yet consumed
 * @param staleRegenerated stale responses that were asked for again
 * @param staleDropped stale responses whose prompt was dropped
 */
public record ConsumerState(boolean paused, long pauses, long resumes, long lag, long staleRegenerated,
        long staleDropped) {}
