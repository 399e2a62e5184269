package dev.sppo.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgePanelTest {

    /** Condorcet's example: each answer is first on one feature, second on one, third on one. */
    private final JudgePanel condorcet = new JudgePanel(List.of(
            new JudgePanel.Answer("a", List.of(3.0, 1.0, 2.0)),
            new JudgePanel.Answer("b", List.of(2.0, 3.0, 1.0)),
            new JudgePanel.Answer("c", List.of(1.0, 2.0, 3.0))), 0.25);

    @Test
    void eachJudgeAloneIsTransitive() {
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    for (int c = 0; c < 3; c++) {
                        if (condorcet.vote(k, a, b) > 0.5 && condorcet.vote(k, b, c) > 0.5) {
                            assertThat(condorcet.vote(k, a, c)).isGreaterThan(0.5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theMajorityOfThreeTransitiveJudgesCycles() {
        // a beats b on features 0 and 2, b beats c on 0 and 1, c beats a on 1 and 2. Each judge prefers the
        // answer one feature point higher with p = σ(1/0.25) = σ(4) and two points higher with q = σ(8); a ≻ b
        // is won by a on feature 0 (p) and 2 (p), lost on feature 1 (gap −2: 1 − q), so
        // P(a ≻ b) = p·p + p·(1−q)·2 − 2·p·p·(1−q).
        double p = 1 / (1 + Math.exp(-4));
        double q = 1 / (1 + Math.exp(-8));
        double expected = p * p + 2 * p * (1 - q) - 2 * p * p * (1 - q);

        assertThat(condorcet.majority(0, 1)).isCloseTo(expected, offset(1e-12));
        assertThat(condorcet.majority(1, 2)).isCloseTo(expected, offset(1e-12));
        assertThat(condorcet.majority(2, 0)).isCloseTo(expected, offset(1e-12));
        assertThat(expected).isGreaterThan(0.9);
    }

    @Test
    void theCondorcetCyclesNashIsUniformAndTheBuiltInPanelsIsNot() {
        assertThat(condorcet.game().nash()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0, 0},
                offset(1e-9));

        ClassGame panel = ClassGames.panel().game();
        double[] nash = panel.nash();

        assertThat(panel.p(1, 0)).isCloseTo(0.704, offset(5e-4));
        assertThat(panel.p(0, 2)).isCloseTo(0.553, offset(5e-4));
        assertThat(panel.p(2, 1)).isCloseTo(0.624, offset(5e-4));
        assertThat(nash).containsExactly(new double[] {0.326, 0.139, 0.535, 0, 0, 0}, offset(5e-4));
    }
}
