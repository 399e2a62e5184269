package dev.sppo.preference.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The valence of one word of a text under VADER's word-level rules, applied in vaderSentiment 3.3's order: the
 * lexicon's valence; "no" as a negation of the next lexicon word; ALL-CAPS emphasis in mixed-case text (+0.733);
 * then for each of the three preceding words that is not itself a lexicon word, its booster or dampener scalar
 * (±0.293, damped ×0.95 two words back and ×0.9 three back) and its negation (×−0.74, or ×1.25 for "never so/this
 * good"), and at three words back the special-case idioms ("the bomb", "kiss of death") and two-word dampeners ("kind
 * of"); last, "least" before the word negates it unless it reads "at least" or "very least".
 */
final class WordValence {

    private static final double[] DISTANCE_DAMPING = {1.0, 0.95, 0.9};
    private static final double NEVER_SO_EMPHASIS = 1.25;
    private static final Set<String> SO_THIS = Set.of("so", "this");
    private static final Set<String> OR_NOR = Set.of("or", "nor");

    private final VaderLexicon lexicon;
    private final VaderText text;
    private final List<String> lower;

    WordValence(VaderLexicon lexicon, VaderText text) {
        this.lexicon = lexicon;
        this.text = text;
        this.lower = text.lower();
    }

    /** The valence of word i: 0 when the lexicon does not list it. */
    double of(int i) {
        OptionalDouble listed = lexicon.valence(lower.get(i));
        if (listed.isEmpty()) {
            return 0;
        }
        double valence = noNegation(i, listed.getAsDouble());
        if (VaderText.isUpperCase(text.words().get(i)) && text.capsDifferential()) {
            valence += valence > 0 ? VaderWords.CAPS : -VaderWords.CAPS;
        }
        for (int distance = 1; distance <= 3; distance++) {
            if (i >= distance && !lexicon.contains(lower.get(i - distance))) {
                valence += scalar(text.words().get(i - distance), valence) * DISTANCE_DAMPING[distance - 1];
                valence = negation(valence, distance, i);
                if (distance == 3) {
                    valence = specialCases(valence, i);
                }
            }
        }
        return least(valence, i);
    }

    /** "no" before a lexicon word loses its own valence; a word up to two (or three, "no X or Y") after it flips. */
    private double noNegation(int i, double listed) {
        double valence = listed;
        if (lower.get(i).equals("no") && i < lower.size() - 1 && lexicon.contains(lower.get(i + 1))) {
            valence = 0;
        }
        if (is(i - 1, "no") || is(i - 2, "no") || is(i - 3, "no") && OR_NOR.contains(lower.get(i - 1))) {
            valence = listed * VaderWords.NEGATION;
        }
        return valence;
    }

    /** A preceding booster's or dampener's change of magnitude, towards the valence's sign, more if ALL CAPS. */
    private double scalar(String word, double valence) {
        double scalar = VaderWords.degree(word.toLowerCase(Locale.ROOT));
        if (scalar == 0) {
            return 0;
        }
        if (valence < 0) {
            scalar = -scalar;
        }
        if (VaderText.isUpperCase(word) && text.capsDifferential()) {
            scalar += valence > 0 ? VaderWords.CAPS : -VaderWords.CAPS;
        }
        return scalar;
    }

    private double negation(double valence, int distance, int i) {
        String before = lower.get(i - distance);
        boolean neverSoThis = distance == 2 && before.equals("never") && SO_THIS.contains(lower.get(i - 1))
                || distance == 3 && (before.equals("never") && SO_THIS.contains(lower.get(i - 2))
                        || SO_THIS.contains(lower.get(i - 1)));
        if (neverSoThis) {
            return valence * NEVER_SO_EMPHASIS;
        }
        boolean withoutDoubt = distance == 2 && before.equals("without") && lower.get(i - 1).equals("doubt")
                || distance == 3 && before.equals("without")
                        && (lower.get(i - 2).equals("doubt") || lower.get(i - 1).equals("doubt"));
        if (distance > 1 && withoutDoubt) {
            return valence;
        }
        return VaderWords.negates(before) ? valence * VaderWords.NEGATION : valence;
    }

    /** Idioms around word i replace its valence; "kind of", "sort of", "just enough" before it dampen it. */
    private double specialCases(double valence, int i) {
        String threeTwo = phrase(i - 3, i - 2);
        String twoOne = phrase(i - 2, i - 1);
        String threeTwoOne = phrase(i - 3, i - 1);
        Double idiom = null;
        for (String sequence : List.of(phrase(i - 1, i), phrase(i - 2, i), twoOne, threeTwoOne, threeTwo)) {
            idiom = VaderWords.SPECIAL_CASES.get(sequence);
            if (idiom != null) {
                break;
            }
        }
        double result = idiom == null ? valence : idiom;
        if (i + 1 < lower.size()) {
            result = VaderWords.SPECIAL_CASES.getOrDefault(phrase(i, i + 1), result);
        }
        if (i + 2 < lower.size()) {
            result = VaderWords.SPECIAL_CASES.getOrDefault(phrase(i, i + 2), result);
        }
        return result + VaderWords.degree(threeTwoOne) + VaderWords.degree(threeTwo) + VaderWords.degree(twoOne);
    }

    private double least(double valence, int i) {
        if (i == 0 || !is(i - 1, "least") || lexicon.contains("least")) {
            return valence;
        }
        boolean comparative = i > 1 && (is(i - 2, "at") || is(i - 2, "very"));
        return comparative ? valence : valence * VaderWords.NEGATION;
    }

    private boolean is(int position, String word) {
        return position >= 0 && lower.get(position).equals(word);
    }

    /** The lower-case words from {@code from} to {@code to}, inclusive, joined by single spaces. */
    private String phrase(int from, int to) {
        return String.join(" ", lower.subList(from, to + 1));
    }
}
