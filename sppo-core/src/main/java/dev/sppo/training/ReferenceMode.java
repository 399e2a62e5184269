package dev.sppo.training;

/** Where the frozen reference log π_t(y|x) of each training response comes from. */
public enum ReferenceMode {
    /** The log-prob recorded by the sampler while generating from π_t (no extra forward pass). */
    RECORDED,
    /** A teacher-forced pass of π_t over the iteration's data before its first update. */
    RECOMPUTE
}
