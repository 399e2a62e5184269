package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import org.junit.jupiter.api.Test;

import java.util.List;

class HeadToHeadTest {

    /** A judge that prefers longer responses: r = length, P = sigmoid(r_i - r_j). */
    private static final PreferenceModel LONGER_WINS = (prompt, responses) -> {
        double[] r = responses.stream().mapToDouble(String::length).toArray();
        return new PreferenceResult(BradleyTerry.fromStrengths(r), r);
    };

    private final HeadToHead judged = HeadToHead.judge(LONGER_WINS, List.of("p1", "p2"),
            List.of(List.of("aaa", "a"), List.of("bb", "b")), List.of(List.of("a", "aa"), List.of("bb", "bbbb")));

    @Test
    void eachProbabilityIsTheJudgesPreferenceOfResponseKOverTheOthersResponseK() {
        assertThat(judged.probability(0, 0)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
        assertThat(judged.probability(0, 1)).isCloseTo(1 / (1 + Math.exp(1)), within(1e-12));
        assertThat(judged.probability(1, 0)).isEqualTo(0.5);
    }

    @Test
    void winRateCountsAboveOneHalfAsAWinAndOneHalfAsATie() {
        WinRate w = judged.winRate();

        assertThat(List.of(w.wins(), w.ties(), w.losses())).containsExactly(1, 1, 2);
        assertThat(w.rate()).isEqualTo(1.5 / 4);
    }

    @Test
    void theLengthControlledFitReadsTheSameOutcomesAsTheWinRate() {
        LengthControlledWinRate lc = judged.lengthControlled(new int[][] {{3, 1}, {2, 1}},
                new int[][] {{1, 2}, {2, 4}});

        assertThat(lc.rawRate()).isEqualTo(judged.winRate().rate());
        assertThat(lc.comparisons()).isEqualTo(4);
        assertThat(lc.lengthWeight()).as("the longer answer wins every decided comparison").isPositive();
        assertThat(lc.rate()).isLessThan(0.5 + 1e-9);
    }
}
