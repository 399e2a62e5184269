package dev.sppo.preference.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * VADER (Valence Aware Dictionary and sEntiment Reasoner; Hutto &amp; Gilbert, ICWSM 2014), the rule-based sentiment
 * analyser of vaderSentiment 3.3, in plain Java: each word's lexicon valence adjusted by the word-level rules ({@link
 * WordValence}), "but" halving what precedes it and raising what follows by half, emphasis from exclamation marks
 * (0.292 each, at most 4) and question marks (0.18 each for 2 or 3, 0.96 for more), and the sum x normalised to
 * compound = x / √(x² + 15). The pos/neu/neg proportions count each positive word as 1 + valence, each negative word
 * as 1 + |valence| and each neutral one as 1.
 *
 * <p>Emoji are not translated to their descriptions as vaderSentiment does (its emoji table is not in the lexicon
 * artifact); an emoji counts as a neutral word.
 */
public final class VaderAnalyzer {

    private final VaderLexicon lexicon;

    public VaderAnalyzer(VaderLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** An analyser over the class path's lexicon. */
    public static VaderAnalyzer shared() {
        return new VaderAnalyzer(VaderLexicon.shared());
    }

    /** The scores of a text; {@link SentimentScores#NONE} for one without words. */
    public SentimentScores scores(String text) {
        VaderText parsed = VaderText.of(Objects.requireNonNull(text, "text"));
        if (parsed.size() == 0) {
            return SentimentScores.NONE;
        }
        WordValence valence = new WordValence(lexicon, parsed);
        List<Double> sentiments = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            sentiments.add(isModifier(parsed.lower(), i) ? 0.0 : valence.of(i));
        }
        applyBut(parsed.lower(), sentiments);
        return score(sentiments, punctuationEmphasis(parsed.text()));
    }

    /** The compound score of a text, in [−1, 1]. */
    public double compound(String text) {
        return scores(text).compound();
    }

    /** Boosters, dampeners and the "kind" of "kind of" modify the next word and carry no valence of their own. */
    private static boolean isModifier(List<String> lower, int i) {
        return VaderWords.isDegreeWord(lower.get(i))
                || lower.get(i).equals("kind") && i + 1 < lower.size() && lower.get(i + 1).equals("of");
    }

    /**
     * Scales the valences before the first "but" by 0.5 and after it by 1.5. As vaderSentiment does, each value is
     * located by its first occurrence in the list, so of two equal valences the first may be scaled twice.
     */
    private static void applyBut(List<String> lower, List<Double> sentiments) {
        int but = lower.indexOf("but");
        if (but < 0) {
            return;
        }
        for (int k = 0; k < sentiments.size(); k++) {
            double sentiment = sentiments.get(k);
            int first = sentiments.indexOf(sentiment);
            if (first < but) {
                sentiments.set(first, sentiment * VaderWords.BEFORE_BUT);
            } else if (first > but) {
                sentiments.set(first, sentiment * VaderWords.AFTER_BUT);
            }
        }
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(text.chars().filter(c -> c == '!').count(), VaderWords.MAX_EXCLAMATIONS);
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions <= 1 ? 0
                : questions <= 3 ? questions * VaderWords.QUESTION : VaderWords.MANY_QUESTIONS;
        return exclamations * VaderWords.EXCLAMATION + questionEmphasis;
    }

    private static SentimentScores score(List<Double> sentiments, double emphasis) {
        double sum = sentiments.stream().mapToDouble(Double::doubleValue).sum();
        sum += Math.signum(sum) * emphasis;
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + VaderWords.NORMALISATION_ALPHA)));
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double sentiment : sentiments) {
            if (sentiment > 0) {
                positive += sentiment + 1;
            } else if (sentiment < 0) {
                negative += 1 - sentiment;
            } else {
                neutral++;
            }
        }
        if (positive > negative) {
            positive += emphasis;
        } else if (positive < negative) {
            negative += emphasis;
        }
        double total = positive + negative + neutral;
        return new SentimentScores(negative / total, neutral / total, positive / total, compound);
    }
}
