package dev.sppo.trainer.continuous;

import java.time.Instant;

/**
 * A round's promotion decision (the {@code promotions} row).
 *
 * @param candidateVersion the version trained in the round, null when nothing could be trained
 * @param servingVersion the version it was compared with
 * @param winRate candidate vs serving on the held-out prompts (gold judge, ties half), null without a candidate
 * @param lower lower end of its 95% interval
 * @param upper upper end of its 95% interval
 * @param threshold the promotion threshold
 * @param promoted whether the candidate now serves
 * @param reason the rule's reading, for example {@code win rate 0.625 >= threshold 0.500}
 * @param decidedAt when
 */
public record PromotionView(
        Integer candidateVersion, int servingVersion, Double winRate, Double lower, Double upper, double threshold,
        boolean promoted, String reason, Instant decidedAt) {}
