package dev.sppo.game;

import java.util.Arrays;

/**
 * Solves a two-player zero-sum matrix game exactly by linear programming: the row player picks a mixture x to
 * maximise, the column player a mixture y to minimise, the payoff {@code x^T A y}. With every entry shifted to
 * {@code A' = A − min(A) + 1 > 0} (so that the value v' of A' is positive), the column player's problem is the
 * standard-form linear program
 * <pre>  maximise Σ_j w_j   subject to   A' w ≤ 1,  w ≥ 0,     y = w / Σ_j w_j,   v' = 1 / Σ_j w_j</pre>
 * and the row player's is its dual ({@code minimise Σ_i u_i subject to A'^T u ≥ 1, u ≥ 0}, x = u / Σ u), whose
 * optimum is read from the reduced costs of the slack variables in the final simplex tableau. The value of A is
 * {@code v = v' + min(A) − 1}. The slack basis is feasible at w = 0, so one phase suffices; Bland's rule (the
 * lowest-index entering column, and the lowest-index basic variable among tied leaving rows) rules out cycling.
 * Where the game has several equilibria, this is one of them.
 */
public final class MatrixGameSolver {

    private static final double EPS = 1e-12;

    private MatrixGameSolver() {}

    /**
     * @param a the row player's payoffs, at least 1×1, every entry finite
     * @throws IllegalArgumentException when the matrix is empty, ragged or holds a non-finite entry
     */
    public static Equilibrium solve(double[][] a) {
        int m = requireMatrix(a);
        int n = a[0].length;
        double min = Arrays.stream(a).flatMapToDouble(Arrays::stream).min().orElseThrow();
        double[][] tableau = new double[m + 1][n + m + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                tableau[i][j] = a[i][j] - min + 1;
            }
            tableau[i][n + i] = 1;
            tableau[i][n + m] = 1;
        }
        Arrays.fill(tableau[m], 0, n, -1);
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            basis[i] = n + i;
        }
        for (int column = entering(tableau[m], n + m); column >= 0; column = entering(tableau[m], n + m)) {
            pivot(tableau, basis, leaving(tableau, basis, column), column);
        }
        return equilibrium(tableau, basis, m, n, min);
    }

    private static Equilibrium equilibrium(double[][] tableau, int[] basis, int m, int n, double min) {
        double total = tableau[m][n + m];
        double[] column = new double[n];
        for (int i = 0; i < m; i++) {
            if (basis[i] < n) {
                column[basis[i]] = tableau[i][n + m] / total;
            }
        }
        double[] row = new double[m];
        for (int i = 0; i < m; i++) {
            row[i] = tableau[m][n + i] / total;
        }
        return new Equilibrium(row, column, 1 / total + min - 1);
    }

    /** The lowest-index column with a negative reduced cost, or -1 at the optimum. */
    private static int entering(double[] objective, int columns) {
        for (int j = 0; j < columns; j++) {
            if (objective[j] < -EPS) {
                return j;
            }
        }
        return -1;
    }

    /** The row of the minimum ratio test, ties to the lowest-index basic variable. */
    private static int leaving(double[][] tableau, int[] basis, int column) {
        int rhs = tableau[0].length - 1;
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < basis.length; i++) {
            if (tableau[i][column] > EPS) {
                double ratio = tableau[i][rhs] / tableau[i][column];
                if (ratio < bestRatio - EPS || (Math.abs(ratio - bestRatio) <= EPS && basis[i] < basis[best])) {
                    best = i;
                    bestRatio = ratio;
                }
            }
        }
        if (best < 0) {
            throw new IllegalStateException("unbounded linear program; a shifted game matrix cannot be unbounded");
        }
        return best;
    }

    private static void pivot(double[][] tableau, int[] basis, int row, int column) {
        double[] pivotRow = tableau[row];
        double scale = pivotRow[column];
        for (int j = 0; j < pivotRow.length; j++) {
            pivotRow[j] /= scale;
        }
        for (int i = 0; i < tableau.length; i++) {
            double factor = tableau[i][column];
            if (i != row && factor != 0) {
                for (int j = 0; j < pivotRow.length; j++) {
                    tableau[i][j] -= factor * pivotRow[j];
                }
            }
        }
        basis[row] = column;
    }

    private static int requireMatrix(double[][] a) {
        if (a == null || a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException("a game matrix needs at least one row and one column");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != a[0].length) {
                throw new IllegalArgumentException("game matrix row " + i + " has " + (a[i] == null ? 0 : a[i].length)
                        + " entries, row 0 has " + a[0].length);
            }
            for (double v : a[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("game matrix row " + i + " holds the non-finite entry " + v);
                }
            }
        }
        return a.length;
    }

    /**
     * An equilibrium of a matrix game.
     *
     * @param row the row player's maximin mixture x
     * @param column the column player's minimax mixture y
     * @param value the game's value {@code x^T A y}
     */
    public record Equilibrium(double[] row, double[] column, double value) {

        public Equilibrium {
            row = row.clone();
            column = column.clone();
        }

        @Override
        public double[] row() {
            return row.clone();
        }

        @Override
        public double[] column() {
            return column.clone();
        }
    }
}
