package dev.sppo.preferencetraining;

/** The learned preference models that {@code train-preference} can train. */
public enum PreferenceModelKind {
    /** A PairRM-style {@link dev.sppo.ranker.PairwiseRanker}. */
    RANKER,
    /** A Bradley-Terry {@link dev.sppo.reward.RewardModel}. */
    REWARD_MODEL
}
