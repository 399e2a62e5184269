package dev.sppo.preference.training;

/** The learned preference models that {@code train-preference} can train. */
public enum PreferenceModelKind {
    /** A PairRM-style {@link dev.sppo.preference.learned.PairwiseRanker}. */
    RANKER,
    /** A Bradley-Terry {@link dev.sppo.preference.learned.RewardModel}. */
    REWARD_MODEL,
    /** A Bradley-Terry head on a frozen ONNX sentence encoder, {@link dev.sppo.preference.learned.EncoderHeadModel}. */
    ENCODER_HEAD
}
