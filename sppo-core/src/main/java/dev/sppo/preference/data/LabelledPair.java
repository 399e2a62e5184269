package dev.sppo.preference.data;

import java.util.Objects;

/**
 * A training pair as labelled (possibly noisily), with what the gold judge says about it.
 *
 * @param pair the pair as labelled: the label the models are trained on
 * @param gold whether the gold judge agrees with that label
 */
public record LabelledPair(PreferencePair pair, GoldLabel gold) {

    public LabelledPair {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(gold, "gold");
    }

    /** A pair whose gold label is unknown. */
    public static LabelledPair unjudged(PreferencePair pair) {
        return new LabelledPair(pair, GoldLabel.UNKNOWN);
    }
}
