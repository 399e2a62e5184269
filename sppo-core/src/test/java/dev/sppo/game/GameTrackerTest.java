package dev.sppo.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class GameTrackerTest {

    @Test
    void theAveragedIterateIsTheMeanOfTheIteratesSharesAndTheBaseIsLeftOut() {
        ClassGame cycle = ClassGames.cycle();
        GameTracker tracker = new GameTracker(cycle);
        tracker.base(List.of("mud", "mud"));

        GameScores first = tracker.next(List.of("stone", "stone"));
        GameScores second = tracker.next(List.of("paper", "blade"));

        assertThat(first.averagedShares()).containsExactly(1.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(second.shares()).containsExactly(0.0, 0.5, 0.5, 0.0, 0.0, 0.0);
        assertThat(second.averagedShares()).containsExactly(0.5, 0.25, 0.25, 0.0, 0.0, 0.0);
        // π̄_2 = (1/2, 1/4, 1/4): paper wins 0.5·0.6 + 0.25·0.5 + 0.25·0.3 = 0.5, stone 0.5·0.5 + 0.25·0.4 +
        // 0.25·0.9 = 0.575, blade 0.5·0.1 + 0.25·0.7 + 0.25·0.5 = 0.35
        assertThat(second.averaged().bestResponse()).isEqualTo("stone");
        assertThat(second.averaged().bestResponseWinRate()).isCloseTo(0.575, offset(1e-12));
        // against π_0 = all mud: (0.7 + 0.8) / 2 for the last iterate
        assertThat(second.last().winRateVsBase()).isCloseTo(0.75, offset(1e-12));
    }
}
