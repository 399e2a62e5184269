package dev.sppo.trainer.continuous;

import java.time.Instant;

/** A round's counts from {@code stream_rounds} and {@code stream_prompts}. */
record RoundStats(int round, int prompts, int dropped, int regenerations, Instant formedAt) {}
