package dev.sppo.preference.sentiment;

/**
 * VADER's scores of a text, unrounded (vaderSentiment prints them rounded to 3 and 4 places).
 *
 * @param negative the proportion of the text's sentiment mass that is negative, in [0, 1]
 * @param neutral the proportion of neutral words, in [0, 1]
 * @param positive the proportion that is positive, in [0, 1]; the three sum to 1 for a text with words
 * @param compound the normalised sum of the rule-adjusted valences, x / √(x² + 15), in [−1, 1]
 */
public record SentimentScores(double negative, double neutral, double positive, double compound) {

    /** The scores of a text without words. */
    public static final SentimentScores NONE = new SentimentScores(0, 0, 0, 0);
}
