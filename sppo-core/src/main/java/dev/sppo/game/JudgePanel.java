package dev.sppo.game;

import java.util.List;

/**
 * A panel of judges that vote by majority, each judge individually transitive: judge k scores an answer by its
 * feature f_k alone and prefers the higher score, noisily, as a Bradley-Terry judge at temperature τ:
 * <pre>  P_k(a ≻ b) = σ((f_k(a) − f_k(b)) / τ)</pre>
 * The judges vote independently and the panel prefers a to b when more than half of them do, so with an odd
 * number m of judges
 * <pre>  P(a ≻ b) = Σ_{S ⊆ judges, |S| > m/2} Π_{k ∈ S} P_k(a ≻ b) Π_{k ∉ S} (1 − P_k(a ≻ b))</pre>
 * (for three judges {@code p1 p2 + p1 p3 + p2 p3 − 2 p1 p2 p3}). Every judge's own preference is a total order,
 * yet the majority can cycle (Condorcet): with features (3, 2, 1), (1, 3, 2), (2, 1, 3) each answer beats the next
 * on two of the three features. Every answer beats any other response ({@link ClassGame#OTHER}) with certainty.
 *
 * @param answers the answers, each with one feature per judge
 * @param tau the judges' temperature, positive
 */
public record JudgePanel(List<Answer> answers, double tau) {

    /**
     * An answer and its features.
     *
     * @param word the answer word
     * @param features f_k for each judge k
     */
    public record Answer(String word, List<Double> features) {

        public Answer {
            features = List.copyOf(features);
        }
    }

    public JudgePanel {
        answers = List.copyOf(answers);
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a judge panel needs at least one answer");
        }
        int judges = answers.get(0).features().size();
        if (judges % 2 == 0 || answers.stream().anyMatch(a -> a.features().size() != judges)) {
            throw new IllegalArgumentException("every answer needs the same odd number of features (one per judge)");
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, got " + tau);
        }
    }

    /** The number of judges m. */
    public int judges() {
        return answers.get(0).features().size();
    }

    /** {@code P_k(a ≻ b)} of judge k for answers a and b (indices). */
    public double vote(int judge, int a, int b) {
        double gap = answers.get(a).features().get(judge) - answers.get(b).features().get(judge);
        return 1 / (1 + Math.exp(-gap / tau));
    }

    /** The panel's P(a ≻ b): the probability that a majority of independent votes prefers a. */
    public double majority(int a, int b) {
        double[] favourable = {1};
        for (int k = 0; k < judges(); k++) {
            double p = vote(k, a, b);
            double[] next = new double[favourable.length + 1];
            for (int votes = 0; votes < favourable.length; votes++) {
                next[votes] += favourable[votes] * (1 - p);
                next[votes + 1] += favourable[votes] * p;
            }
            favourable = next;
        }
        double win = 0;
        for (int votes = judges() / 2 + 1; votes < favourable.length; votes++) {
            win += favourable[votes];
        }
        return win;
    }

    /** The panel as a class game: the answers' majority preferences, and certainty over any other response. */
    public ClassGame game() {
        int n = answers.size();
        double[][] p = new double[n + 1][n + 1];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                p[a][b] = a == b ? 0.5 : majority(a, b);
            }
            p[a][n] = 1;
        }
        p[n][n] = 0.5;
        return new ClassGame(answers.stream().map(Answer::word).toList(), p);
    }
}
