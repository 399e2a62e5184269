package dev.sppo.trainer.continuous;

import java.time.Instant;

/**
 * One round of a continuous job.
 *
 * @param round r; its candidate is version r + 1
 * @param prompts prompts in the round
 * @param dropped prompts dropped as stale
 * @param regenerations stale answers asked for again
 * @param formedAt when the round closed
 * @param phase GENERATE, TRAIN or EVALUATE; null while it waits to begin
 * @param finishedAt when its decision was applied, or null
 * @param decision its promotion decision, or null before one
 */
public record RoundView(
        int round, int prompts, int dropped, int regenerations, Instant formedAt, String phase, Instant finishedAt,
        PromotionView decision) {}
