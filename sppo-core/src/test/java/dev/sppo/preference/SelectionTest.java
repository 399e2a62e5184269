package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void winnerIsArgmaxAndLoserIsArgmin() {
        assertThat(Selected.of(new double[] {0.2, 0.9, -0.4, 0.1})).isEqualTo(new Selected(1, 2));
        assertThat(Selection.WINNER_LOSER.select(new double[] {0.2, 0.9, -0.4, 0.1})).containsExactly(1, 2);
    }

    @Test
    void tiesGoToTheLowestIndexLikeNumpy() {
        Selected selected = Selected.of(new double[] {0.1, 0.7, 0.7, 0.1, 0.3});
        assertThat(selected.winner()).isEqualTo(1);
        assertThat(selected.loser()).isEqualTo(0);
        assertThat(selected.isInformative()).isTrue();
    }

    @Test
    void allEqualScoresSelectResponseZeroTwiceAndAreNotInformative() {
        Selected selected = Selected.of(new double[] {0.5, 0.5, 0.5});
        assertThat(selected).isEqualTo(new Selected(0, 0));
        assertThat(selected.isInformative()).isFalse();
        assertThat(Selection.WINNER_LOSER.select(new double[] {0.5, 0.5, 0.5})).containsExactly(0, 0);
    }

    @Test
    void allSelectsEveryResponseInOrder() {
        assertThat(Selection.ALL.select(new double[] {3, 1, 2, 0})).containsExactly(0, 1, 2, 3);
    }

    @Test
    void rejectsEmptyAndNonFiniteScores() {
        assertThatThrownBy(() -> Selected.of(new double[0])).hasMessage("scores must not be empty");
        assertThatThrownBy(() -> Selection.ALL.select(new double[] {1, Double.NaN}))
                .hasMessage("scores[1] = NaN is not finite");
    }
}
