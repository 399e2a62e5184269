package dev.sppo.preference;

import dev.sppo.preference.sentiment.VaderAnalyzer;

import java.util.Objects;

/**
 * A transparent gold judge for text ({@code vader_sentiment}): how positive a response reads, by VADER's compound
 * score c in [−1, 1] ({@link VaderAnalyzer}), as the grade (c + 1) / 2 in [0, 1]. The prompt is not read.
 */
public final class SentimentJudge implements Judge {

    private final VaderAnalyzer analyzer;

    public SentimentJudge(VaderAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /**
     * The judge as a Bradley-Terry preference on compound scores, P = σ((c_i − c_j)/τ): on the grades (c + 1) / 2,
     * whose gaps are half the compound gaps, that is temperature τ / 2.
     *
     * @param tau the temperature on compound scores, finite and > 0
     */
    public static PreferenceModel preferenceModel(double tau) {
        return new JudgePreferenceModel(new SentimentJudge(VaderAnalyzer.shared()), Checks.requireTemperature(tau) / 2);
    }

    @Override
    public double score(String prompt, String response) {
        return (analyzer.compound(response) + 1) / 2;
    }
}
