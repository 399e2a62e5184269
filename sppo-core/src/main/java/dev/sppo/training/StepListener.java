package dev.sppo.training;

/** Hears a policy update's steps as they happen: for a progress bar, step timings, or a check for cancellation. */
@FunctionalInterface
public interface StepListener {

    /** Before the first step: how many optimizer steps the update takes. */
    default void starting(int steps) {}

    /** After each step; it may throw to stop the update. */
    void stepped(TrainingStep step);
}
