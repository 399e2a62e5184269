package dev.sppo.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class MatrixGameSolverTest {

    @Test
    void rockPaperScissorsIsUniformWithValueZero() {
        double[][] rps = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};

        MatrixGameSolver.Equilibrium e = MatrixGameSolver.solve(rps);

        assertThat(e.row()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, offset(1e-12));
        assertThat(e.column()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, offset(1e-12));
        assertThat(e.value()).isCloseTo(0, offset(1e-12));
    }

    @Test
    void aDominatedStrategyGetsNoWeight() {
        // Row 2 is row 0 minus 1 everywhere: strictly dominated. Rows 0 and 1 against the two columns form
        // matching pennies with payoffs (2, -1; -1, 1): x = (2/5, 3/5), y = (2/5, 3/5), value (2·1 − 1·1)/5 = 1/5.
        double[][] a = {{2, -1}, {-1, 1}, {1, -2}};

        MatrixGameSolver.Equilibrium e = MatrixGameSolver.solve(a);

        assertThat(e.row()).containsExactly(new double[] {0.4, 0.6, 0}, offset(1e-12));
        assertThat(e.column()).containsExactly(new double[] {0.4, 0.6}, offset(1e-12));
        assertThat(e.value()).isCloseTo(0.2, offset(1e-12));
    }

    @Test
    void aTwoByTwoWithASaddlePointHasAPureEquilibrium() {
        // Row 0 dominates row 1 and, given row 0, column 1 is the minimum: the saddle point (0, 1) with value 2.
        double[][] a = {{4, 2}, {3, 1}};

        MatrixGameSolver.Equilibrium e = MatrixGameSolver.solve(a);

        assertThat(e.row()).containsExactly(new double[] {1, 0}, offset(1e-12));
        assertThat(e.column()).containsExactly(new double[] {0, 1}, offset(1e-12));
        assertThat(e.value()).isCloseTo(2, offset(1e-12));
    }

    @Test
    void theEquilibriumGuaranteesTheValueAgainstEveryPureReply() {
        double[][] a = {{0.3, -0.7, 1.2, 0.1}, {-0.4, 0.9, -0.2, 0.5}, {0.8, 0.2, -0.9, -0.3}};

        MatrixGameSolver.Equilibrium e = MatrixGameSolver.solve(a);

        double[] x = e.row();
        double[] y = e.column();
        for (int j = 0; j < a[0].length; j++) {
            double rowPayoff = 0;
            for (int i = 0; i < a.length; i++) {
                rowPayoff += x[i] * a[i][j];
            }
            assertThat(rowPayoff).isGreaterThanOrEqualTo(e.value() - 1e-12);
        }
        for (double[] row : a) {
            double columnPayoff = 0;
            for (int j = 0; j < row.length; j++) {
                columnPayoff += row[j] * y[j];
            }
            assertThat(columnPayoff).isLessThanOrEqualTo(e.value() + 1e-12);
        }
    }

    @Test
    void aRaggedMatrixIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> MatrixGameSolver.solve(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }
}
