package dev.sppo.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A symmetric preference game over answer classes: the responses to a prompt fall into the classes named by
 * {@code answers} (a response is of class c when it is exactly the word {@code answers.get(c)}) plus one last class,
 * {@value #OTHER}, for every other response; {@code p[i][j]} = P(y ≻ y') for y of class i and y' of class j.
 *
 * <p>A valid matrix is (n+1)×(n+1) for n answers, every entry in [0, 1], {@code p[i][i] = 1/2} and
 * {@code p[i][j] + p[j][i] = 1} (within 1e-9). For class distributions x and y (policies' shares of each class):
 * <pre>  P(x ≻ y) = Σ_i Σ_j x_i p[i][j] y_j,   (P y)_i = Σ_j p[i][j] y_j = P(class i ≻ y)</pre>
 * The record copies the array on the way in and on the way out.
 *
 * @param answers the distinct answer words, none empty
 * @param p the class-level preference matrix, the {@value #OTHER} class last
 */
public record ClassGame(List<String> answers, double[][] p) {

    /** The name of the class of every response that is not one of the answers. */
    public static final String OTHER = "other";

    private static final double TOLERANCE = 1e-9;

    public ClassGame {
        answers = List.copyOf(answers);
        if (answers.isEmpty() || answers.stream().anyMatch(String::isEmpty)
                || answers.stream().distinct().count() != answers.size()) {
            throw new IllegalArgumentException("answers must be distinct non-empty words, got " + answers);
        }
        int n = answers.size() + 1;
        if (p == null || p.length != n || Arrays.stream(p).anyMatch(row -> row == null || row.length != n)) {
            throw new IllegalArgumentException("the preference matrix must be " + n + "×" + n + " for "
                    + answers.size() + " answers and '" + OTHER + "'");
        }
        p = Arrays.stream(p).map(double[]::clone).toArray(double[][]::new);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = p[i][j];
                if (!(v >= 0 && v <= 1) || Math.abs(v + p[j][i] - 1) > TOLERANCE) {
                    throw new IllegalArgumentException("p[" + i + "][" + j + "] = " + v + " with p[" + j + "][" + i
                            + "] = " + p[j][i] + ": entries must lie in [0, 1] and p[i][j] + p[j][i] = 1");
                }
            }
        }
    }

    /** A copy of the matrix. */
    @Override
    public double[][] p() {
        return Arrays.stream(p).map(double[]::clone).toArray(double[][]::new);
    }

    /** The number of classes, {@value #OTHER} included. */
    public int size() {
        return p.length;
    }

    /** The class names: the answers, then {@value #OTHER}. */
    public List<String> classNames() {
        List<String> names = new ArrayList<>(answers);
        names.add(OTHER);
        return names;
    }

    /** P(y ≻ y') for y of class i, y' of class j. */
    public double p(int i, int j) {
        return p[i][j];
    }

    /** The class of a response: the index of the answer it equals, else that of {@value #OTHER}. */
    public int classOf(String response) {
        int index = answers.indexOf(response);
        return index >= 0 ? index : answers.size();
    }

    /**
     * The symmetric Nash mixture x* of the game, solved exactly by linear programming ({@link MatrixGameSolver}):
     * {@code P(x* ≻ y) ≥ 1/2} for every class distribution y. Shares below 1e-12 are set to 0.
     */
    public double[] nash() {
        double[] x = MatrixGameSolver.solve(p).row();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] < 1e-12 ? 0 : x[i];
            total += x[i];
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= total;
        }
        return x;
    }

    /** The share of each class among {@code responses}, indexed like {@link #classNames()}. */
    public double[] shares(Collection<String> responses) {
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("class shares need at least one response");
        }
        double[] shares = new double[p.length];
        for (String response : responses) {
            shares[classOf(response)] += 1.0 / responses.size();
        }
        return shares;
    }

    /** {@code (P y)_i = P(class i ≻ y)} for every class i. */
    public double[] against(double[] y) {
        requireDistribution(y);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                out[i] += p[i][j] * y[j];
            }
        }
        return out;
    }

    /** {@code P(x ≻ y) = Σ_i x_i (P y)_i}. */
    public double winRate(double[] x, double[] y) {
        requireDistribution(x);
        double[] row = against(y);
        double sum = 0;
        for (int i = 0; i < row.length; i++) {
            sum += x[i] * row[i];
        }
        return sum;
    }

    private void requireDistribution(double[] x) {
        if (x == null || x.length != p.length) {
            throw new IllegalArgumentException("a class distribution needs " + p.length + " shares, got "
                    + (x == null ? "null" : x.length));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassGame that && answers.equals(that.answers) && Arrays.deepEquals(p, that.p);
    }

    @Override
    public int hashCode() {
        return 31 * answers.hashCode() + Arrays.deepHashCode(p);
    }

    @Override
    public String toString() {
        return "ClassGame[answers=" + answers + ", p=" + Arrays.deepToString(p) + "]";
    }
}
