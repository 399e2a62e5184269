package dev.sppo.preference.sentiment;

import java.util.Map;
import java.util.Set;

/**
 * The word lists and empirical constants of VADER's rules, as vaderSentiment 3.3 has them (Hutto &amp; Gilbert 2014
 * measured the constants as mean changes of human intensity ratings).
 */
final class VaderWords {

    /** How much a booster word ("very") raises a valence's magnitude, or a dampener ("barely") lowers it. */
    static final double BOOSTER = 0.293;
    /** How much an ALL-CAPS sentiment word in mixed-case text raises its valence's magnitude. */
    static final double CAPS = 0.733;
    /** The factor a negation ("not", "isn't") applies to the valence of a word it precedes. */
    static final double NEGATION = -0.74;
    /** The factor "but" applies to the valences before it: the clause after it dominates. */
    static final double BEFORE_BUT = 0.5;
    /** The factor "but" applies to the valences after it. */
    static final double AFTER_BUT = 1.5;
    /** The emphasis of one exclamation mark, counted up to {@link #MAX_EXCLAMATIONS} times. */
    static final double EXCLAMATION = 0.292;
    /** The most exclamation marks that add emphasis. */
    static final int MAX_EXCLAMATIONS = 4;
    /** The emphasis of each question mark when a text has two or three. */
    static final double QUESTION = 0.18;
    /** The emphasis of four or more question marks. */
    static final double MANY_QUESTIONS = 0.96;
    /** α in compound = x / √(x² + α): about the largest sum of valences VADER expects. */
    static final double NORMALISATION_ALPHA = 15;

    /** Negations, lower-case; any word containing "n't" negates too. */
    static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
            "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
            "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh",
            "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Set<String> BOOSTERS = Set.of("absolutely", "amazingly", "awfully", "completely",
            "considerable", "considerably", "decidedly", "deeply", "effing", "enormous", "enormously", "entirely",
            "especially", "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
            "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin",
            "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major",
            "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
            "utter", "utterly", "very");

    private static final Set<String> DAMPENERS = Set.of("almost", "barely", "hardly", "just enough", "kind of",
            "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally", "occasional", "occasionally",
            "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of");

    /** Phrases whose valence replaces that of the lexicon word in them. */
    static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    private VaderWords() {}

    /** Whether a lower-case word or phrase is a booster or a dampener. */
    static boolean isDegreeWord(String lower) {
        return BOOSTERS.contains(lower) || DAMPENERS.contains(lower);
    }

    /** +0.293 for a booster, −0.293 for a dampener, 0 for any other lower-case word or phrase. */
    static double degree(String lower) {
        if (BOOSTERS.contains(lower)) {
            return BOOSTER;
        }
        return DAMPENERS.contains(lower) ? -BOOSTER : 0;
    }

    /** Whether a lower-case word negates: one of {@link #NEGATIONS} or a word with "n't". */
    static boolean negates(String lower) {
        return NEGATIONS.contains(lower) || lower.contains("n't");
    }
}
