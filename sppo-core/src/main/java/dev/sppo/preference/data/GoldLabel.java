package dev.sppo.preference.data;

/** What a gold judge says about a (possibly noisy) {@link PreferencePair}. */
public enum GoldLabel {
    /** The gold judge also prefers {@code chosen}. */
    AGREES,
    /** The label was flipped: the gold judge prefers {@code rejected}. */
    FLIPPED,
    /** No gold judge is known (pairs read from a file). */
    UNKNOWN
}
