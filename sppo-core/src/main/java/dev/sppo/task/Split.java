package dev.sppo.task;

/** The two disjoint prompt sets of a task: one to align on, one to evaluate on. */
public enum Split {
    TRAIN,
    HELD_OUT
}
