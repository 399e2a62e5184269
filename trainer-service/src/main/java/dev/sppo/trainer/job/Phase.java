package dev.sppo.trainer.job;

/** The phase of a RUNNING job's current iteration t. */
public enum Phase {
    /** Generation requests for π_t are out; scored prompts are being collected. */
    GENERATE,
    /** π_{t+1} is being trained from π_t on the collected prompts. */
    TRAIN,
    /** π_{t+1} is being compared with π_0 and π_t on held-out prompts. */
    EVALUATE
}
