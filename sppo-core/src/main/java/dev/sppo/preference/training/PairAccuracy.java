package dev.sppo.preference.training;

import dev.sppo.preference.data.GoldLabel;
import dev.sppo.preference.data.LabelledPair;

import java.util.List;

/**
 * Pairwise accuracy of a preference model on labelled pairs, from its margins m (m > 0: it prefers {@code
 * chosen}; m = 0 counts as half right):
 *
 * <pre>
 *   vsLabels = (1/N) Σ_n [m_n > 0]                          against the labels as given (noisy)
 *   vsGold   = (1/N_g) Σ_{n judged} [m_n > 0 if AGREES, m_n < 0 if FLIPPED]   against the gold judge
 * </pre>
 *
 * @param vsLabels accuracy against the (possibly noisy) labels
 * @param vsGold accuracy against the gold judge; NaN when no pair has a gold label
 * @param pairs N
 * @param goldPairs N_g, the pairs with a gold label
 */
public record PairAccuracy(double vsLabels, double vsGold, int pairs, int goldPairs) {

    /** The accuracy of {@code margins[n]} on {@code pairs.get(n)}. */
    public static PairAccuracy of(double[] margins, List<LabelledPair> pairs) {
        if (margins.length != pairs.size() || pairs.isEmpty()) {
            throw new IllegalArgumentException("need one margin per pair and at least one pair, got "
                    + margins.length + " margins for " + pairs.size() + " pairs");
        }
        double labelHits = 0;
        double goldHits = 0;
        int judged = 0;
        for (int n = 0; n < margins.length; n++) {
            double hit = margins[n] > 0 ? 1 : margins[n] == 0 ? 0.5 : 0;
            labelHits += hit;
            GoldLabel gold = pairs.get(n).gold();
            if (gold != GoldLabel.UNKNOWN) {
                judged++;
                goldHits += gold == GoldLabel.AGREES ? hit : 1 - hit;
            }
        }
        return new PairAccuracy(labelHits / pairs.size(), judged == 0 ? Double.NaN : goldHits / judged,
                pairs.size(), judged);
    }
}
