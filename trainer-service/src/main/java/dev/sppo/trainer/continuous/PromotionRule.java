package dev.sppo.trainer.continuous;

import dev.sppo.evaluation.WinRate;

/**
 * The safety rail: a round's candidate replaces the serving version only if its held-out win rate against it
 * (gold judge, ties counting half) is at least the threshold: promote ⇔ w̄ ≥ {@code promotion_threshold}.
 */
public final class PromotionRule {

    private PromotionRule() {}

    public static boolean promotes(WinRate candidateVsServing, double threshold) {
        return candidateVsServing.rate() >= threshold;
    }
}
