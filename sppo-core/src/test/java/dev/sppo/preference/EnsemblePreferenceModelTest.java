package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.preference.EnsemblePreferenceModel.Member;
import org.junit.jupiter.api.Test;

import java.util.List;

class EnsemblePreferenceModelTest {

    private static final List<String> TWO = List.of("y0", "y1");

    @Test
    void theMatrixIsTheNormalisedWeightedMeanAndTheScoresItsWinRates() {
        PreferenceModel likesFirst = fixed(new double[][] {{0.5, 0.8}, {0.2, 0.5}});
        PreferenceModel likesSecond = fixed(new double[][] {{0.5, 0.2}, {0.8, 0.5}});

        PreferenceResult result = new EnsemblePreferenceModel(List.of(new Member(likesFirst, 1),
                new Member(likesSecond, 3))).compare("x", TWO);

        // weights 1/4, 3/4: P[0][1] = 0.25 * 0.8 + 0.75 * 0.2 = 0.35; Phat = ((0.5 + 0.35) / 2, (0.65 + 0.5) / 2)
        assertThat(result.matrix().get(0, 1)).isCloseTo(0.35, offset(1e-12));
        assertThat(result.matrix().get(1, 0)).isCloseTo(0.65, offset(1e-12));
        assertThat(result.scores()[0]).isCloseTo(0.425, offset(1e-12));
        assertThat(result.scores()[1]).isCloseTo(0.575, offset(1e-12));
    }

    @Test
    void anEnsembleOfBradleyTerryMembersKeepsTheInvariants() {
        List<String> three = List.of("a", "b", "c");
        EnsemblePreferenceModel ensemble = new EnsemblePreferenceModel(List.of(
                new Member((x, ys) -> result(BradleyTerry.fromStrengths(new double[] {3, -1, 0.5})), 0.2),
                new Member((x, ys) -> result(BradleyTerry.fromStrengths(new double[] {-2, 4, 1})), 0.5),
                new Member((x, ys) -> result(BradleyTerry.fromStrengths(new double[] {0, 0, 7})), 0.3)));

        PreferenceMatrix p = ensemble.compare("x", three).matrix();

        assertThat(ensemble.weights()).containsExactly(0.2, 0.5, 0.3);
        for (int i = 0; i < 3; i++) {
            assertThat(p.get(i, i)).isEqualTo(0.5);
            for (int j = 0; j < 3; j++) {
                assertThat(p.get(i, j) + p.get(j, i)).isCloseTo(1.0, offset(1e-12));
            }
        }
        assertThat(p.winRates()).satisfies(w -> assertThat(w[0] + w[1] + w[2]).isCloseTo(1.5, offset(1e-12)));
    }

    @Test
    void aSingleMemberEnsembleIsThatMember() {
        PreferenceModel member = fixed(new double[][] {{0.5, 0.9}, {0.1, 0.5}});

        PreferenceResult result = new EnsemblePreferenceModel(List.of(new Member(member, 7))).compare("x", TWO);

        assertThat(result.matrix()).isEqualTo(member.compare("x", TWO).matrix());
    }

    @Test
    void weightsMustBeFinitePositiveAndMembersPresent() {
        PreferenceModel member = fixed(new double[][] {{0.5, 0.9}, {0.1, 0.5}});
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Member(member, bad)).hasMessageContaining("weight must be a finite number > 0");
        }
        assertThatThrownBy(() -> new EnsemblePreferenceModel(List.of())).hasMessageContaining("at least one member");
    }

    private static PreferenceModel fixed(double[][] p) {
        return (x, ys) -> result(new PreferenceMatrix(p));
    }

    private static PreferenceResult result(PreferenceMatrix matrix) {
        return new PreferenceResult(matrix, matrix.winRates());
    }
}
