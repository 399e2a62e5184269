package dev.sppo.preference;

import java.util.List;
import java.util.Objects;

/**
 * A weighted mean of preference models. With members m = 1..M, their matrices P_m and weights w_m > 0
 * ({@code weights}), normalised to sum to 1:
 * <pre>  P[i][j] = sum_m (w_m / sum_n w_n) * P_m[i][j]</pre>
 * A convex combination keeps P[i][i] = 1/2 and P[i][j] + P[j][i] = 1. The scores are the win rates of the mean
 * matrix, {@code s_i = Phat_i = (1/K) * sum_j P[i][j]}.
 */
public final class EnsemblePreferenceModel implements PreferenceModel {

    /** One member and its weight, a finite number > 0. */
    public record Member(PreferenceModel model, double weight) {

        public Member {
            Objects.requireNonNull(model, "model");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("ensemble member weight must be a finite number > 0, got "
                        + weight);
            }
        }
    }

    private final List<PreferenceModel> models;
    private final double[] weights;

    /** @param members at least one; their weights are normalised to sum to 1 */
    public EnsemblePreferenceModel(List<Member> members) {
        if (members == null || members.isEmpty() || members.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("an ensemble needs at least one member, got " + members);
        }
        this.models = members.stream().map(Member::model).toList();
        double total = members.stream().mapToDouble(Member::weight).sum();
        this.weights = members.stream().mapToDouble(m -> m.weight() / total).toArray();
    }

    /** The normalised weights w_m / sum_n w_n, in member order. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        int k = responses.size();
        double[][] mean = new double[k][k];
        for (int m = 0; m < models.size(); m++) {
            PreferenceMatrix member = models.get(m).compare(prompt, responses).matrix();
            if (member.size() != k) {
                throw new IllegalStateException("ensemble member " + m + " compared " + member.size()
                        + " responses, expected K = " + k);
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    mean[i][j] += weights[m] * member.get(i, j);
                }
            }
        }
        PreferenceMatrix matrix = new PreferenceMatrix(mean);
        return new PreferenceResult(matrix, matrix.winRates());
    }
}
