package dev.sppo.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class TokenChooserTest {

    private static final float[] LOGITS = {0f, 2f, 1f, -1f, 2f};

    @Test
    void greedyTakesTheFirstArgmax() {
        assertThat(new TokenChooser(SamplingParams.greedy(1)).choose(LOGITS, 0, 5, new SplittableRandom(0)))
                .isEqualTo(1);
    }

    @Test
    void topKOneAlwaysPicksTheMaximumTies() {
        TokenChooser chooser = new TokenChooser(new SamplingParams(1, 1.0, 1, 1.0, 1, 0));
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            assertThat(chooser.choose(LOGITS, 0, 5, rng)).isIn(1, 4);
        }
    }

    @Test
    void drawFrequenciesFollowTheTemperedSoftmax() {
        double temperature = 0.5;
        TokenChooser chooser = new TokenChooser(new SamplingParams(1, temperature, 0, 1.0, 1, 0));
        SplittableRandom rng = new SplittableRandom(5);
        int draws = 40_000;
        int[] counts = new int[5];
        for (int i = 0; i < draws; i++) {
            counts[chooser.choose(LOGITS, 0, 5, rng)]++;
        }
        double z = 0;
        for (float l : LOGITS) {
            z += Math.exp(l / temperature);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(counts[i] / (double) draws).isCloseTo(Math.exp(LOGITS[i] / temperature) / z, within(0.01));
        }
    }

    @Test
    void nucleusDropsTheTailOutsideTopP() {
        // softmax of {0,2,1,-1,2}: p = {0.0521, 0.3852, 0.1417, 0.0192, 0.3852} (hand-computed, Z = 19.18)
        // ascending cumulative: 0.0192 (id 3), 0.0713 (id 0), 0.2130 (id 2), ...
        // top_p 0.75 drops the tokens with cumulative <= 0.25: ids 3, 0 and 2
        TokenChooser chooser = new TokenChooser(new SamplingParams(1, 1.0, 0, 0.75, 1, 0));
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            assertThat(chooser.choose(LOGITS, 0, 5, rng)).isIn(1, 4);
        }
    }

    @Test
    void nucleusKeepsTheTokenThatCrossesTheBoundary() {
        // top_p 0.8: 1 - 0.8 = 0.2 < 0.2130, so id 2 stays while ids 3 and 0 go
        TokenChooser chooser = new TokenChooser(new SamplingParams(1, 1.0, 0, 0.8, 1, 0));
        SplittableRandom rng = new SplittableRandom(9);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(chooser.choose(LOGITS, 0, 5, rng));
        }
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 4);
    }

    @Test
    void logProbIsTheUntemperedLogSoftmax() {
        double z = Math.exp(0) + Math.exp(2) + Math.exp(1) + Math.exp(-1) + Math.exp(2);
        assertThat(TokenChooser.logProb(LOGITS, 0, 5, 2)).isCloseTo(1 - Math.log(z), within(1e-12));
    }

    @Test
    void invalidParametersNameTheField() {
        assertThatThrownBy(() -> new SamplingParams(0, 1, 0, 1, 1, 0)).hasMessageContaining("max_new_tokens");
        assertThatThrownBy(() -> new SamplingParams(1, -1, 0, 1, 1, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new SamplingParams(1, 1, -2, 1, 1, 0)).hasMessageContaining("top_k");
        assertThatThrownBy(() -> new SamplingParams(1, 1, 0, 0, 1, 0)).hasMessageContaining("top_p");
        assertThatThrownBy(() -> new SamplingParams(1, 1, 0, 1, 0, 0)).hasMessageContaining("num_samples");
    }
}
