package dev.sppo.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassGameTest {

    private final ClassGame cycle = ClassGames.cycle();

    @Test
    void theCyclesNashMixtureIsTwoFourOneSevenths() {
        assertThat(cycle.nash()).containsExactly(new double[] {2 / 7.0, 4 / 7.0, 1 / 7.0, 0, 0, 0}, offset(1e-9));
    }

    @Test
    void theNashMixtureIsUnexploitable() {
        double[] nash = cycle.nash();

        GameStanding standing = GameStanding.of(cycle, nash, nash, nash);

        assertThat(standing.bestResponseWinRate()).isCloseTo(0.5, offset(1e-9));
        assertThat(standing.dualityGap()).isCloseTo(0, offset(1e-9));
        assertThat(standing.distanceToNash()).isCloseTo(0, offset(1e-9));
        assertThat(standing.winRateVsBase()).isCloseTo(0.5, offset(1e-9));
    }

    @Test
    void aPureStoneIsBeatenByPaperAtItsMatrixEntry() {
        double[] stone = {1, 0, 0, 0, 0, 0};
        double[] uniformCycle = {1 / 3.0, 1 / 3.0, 1 / 3.0, 0, 0, 0};

        GameStanding standing = GameStanding.of(cycle, cycle.nash(), stone, uniformCycle);

        assertThat(standing.bestResponse()).isEqualTo("paper");
        assertThat(standing.bestResponseWinRate()).isCloseTo(0.6, offset(1e-12));
        assertThat(standing.dualityGap()).isCloseTo(0.2, offset(1e-12));
        // TV((1,0,0), (2,4,1)/7) = (5/7 + 4/7 + 1/7) / 2 = 5/7
        assertThat(standing.distanceToNash()).isCloseTo(5 / 7.0, offset(1e-12));
        // (0.5 + 0.4 + 0.9) / 3
        assertThat(standing.winRateVsBase()).isCloseTo(0.6, offset(1e-12));
    }

    @Test
    void everyResponseThatIsNoAnswerIsOfClassOther() {
        assertThat(cycle.shares(List.of("paper", "paper", "pap", ""))).containsExactly(
                new double[] {0, 0.5, 0, 0, 0, 0.5}, offset(1e-12));
        assertThat(cycle.classNames()).containsExactly("stone", "paper", "blade", "mud", "twig", ClassGame.OTHER);
    }

    @Test
    void aMatrixThatIsNotAntisymmetricIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> new ClassGame(List.of("a"), new double[][] {{0.5, 0.7}, {0.4, 0.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p[0][1] = 0.7");
    }
}
