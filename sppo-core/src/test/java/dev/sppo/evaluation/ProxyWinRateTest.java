package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import org.junit.jupiter.api.Test;

import java.util.List;

class ProxyWinRateTest {

    /** A proxy that prefers longer responses: r = length, P = sigmoid(r_i - r_j). */
    private static final PreferenceModel LONGER_WINS = (prompt, responses) -> {
        double[] r = responses.stream().mapToDouble(String::length).toArray();
        return new PreferenceResult(BradleyTerry.fromStrengths(r), r);
    };

    @Test
    void countsEachResponseAgainstTheBaseResponseOfTheSameIndexTiesHalf() {
        PolicyResponses current = new PolicyResponses(List.of(List.of("aaa", "a"), List.of("bb", "b")),
                new double[][] {{0, 0}, {0, 0}});
        PolicyResponses base = new PolicyResponses(List.of(List.of("a", "aa"), List.of("bb", "bbbb")),
                new double[][] {{1, 1}, {1, 1}});

        WinRate w = ProxyWinRate.of(LONGER_WINS, List.of("p1", "p2"), current, base);

        assertThat(w.wins()).isEqualTo(1);
        assertThat(w.ties()).isEqualTo(1);
        assertThat(w.losses()).isEqualTo(2);
        assertThat(w.rate()).isEqualTo(1.5 / 4);
    }

    @Test
    void theProxyCanDisagreeWithTheGoldJudge() {
        PolicyResponses current = new PolicyResponses(List.of(List.of("long wrong")), new double[][] {{0}});
        PolicyResponses base = new PolicyResponses(List.of(List.of("42")), new double[][] {{1}});

        assertThat(ProxyWinRate.of(LONGER_WINS, List.of("p"), current, base).rate()).isEqualTo(1.0);
        assertThat(current.against(base).rate()).isEqualTo(0.0);
    }
}
