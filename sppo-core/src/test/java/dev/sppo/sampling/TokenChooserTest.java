package dev.sppo.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

class TokenChooserTest {

    private static final float[] LOGITS = {0f, 2f, 1f, -1f, 2f};
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void greedyTakesTheFirstArgmax() {
        DecodeState state = new DecodeState(List.of(new int[] {1}), 1, 1, 0, Set.of());
        Draws draws = new TokenChooser(SamplingParams.greedy(1)).draw(rows(LOGITS, 1), state,
                new SplittableRandom[] {new SplittableRandom(0)});
        assertThat(draws.tokens()).containsExactly(1);
    }

    @Test
    void topKOneAlwaysPicksTheMaximumTies() {
        int[] tokens = drawMany(new SamplingParams(1, 1.0, 1, 1.0, 1, 0), 200, 1);
        assertThat(Arrays.stream(tokens).boxed().toList()).allMatch(t -> t == 1 || t == 4);
    }

    @Test
    void drawFrequenciesFollowTheTemperedSoftmax() {
        double temperature = 0.5;
        int draws = 40_000;
        int[] counts = new int[5];
        for (int token : drawMany(new SamplingParams(1, temperature, 0, 1.0, 1, 0), draws, 5)) {
            counts[token]++;
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
    void theUniformPicksTheFirstTokenWhoseCumulativeProbabilityExceedsIt() {
        // softmax of {0,2,1,-1,2}: p = {0.0530, 0.3917, 0.1441, 0.0195, 0.3917} (hand-computed, Z = 18.864);
        // cumulative in id order 0.0530, 0.4447, 0.5888, 0.6083, 1
        double[] uniforms = {0.0, 0.05, 0.06, 0.5, 0.59, 0.61, 0.999_999};
        Draws draws = new TokenChooser(new SamplingParams(1, 1.0, 0, 1.0, 1, 0))
                .draw(rows(LOGITS, uniforms.length), uniforms);
        assertThat(draws.tokens()).containsExactly(0, 0, 1, 2, 3, 4, 4);
    }

    @Test
    void aUniformPastTheTotalTakesTheLastTokenKept() {
        // top_p 0.75 keeps ids 0 and 2 of {2,0,2,1,-1}; a sum rounded below u leaves the draw at the last one kept
        float[] logits = {2f, 0f, 2f, 1f, -1f};
        double[] uniforms = {1.0, Math.nextDown(1.0)};
        Draws draws = new TokenChooser(new SamplingParams(1, 1.0, 0, 0.75, 1, 0)).draw(rows(logits, 2), uniforms);
        assertThat(draws.tokens()).containsExactly(2, 2);
        assertThat(ReferenceWarpers.draw(logits, new SamplingParams(1, 1.0, 0, 0.75, 1, 0), 1.0)).isEqualTo(2);
    }

    @Test
    void nucleusDropsTheTailOutsideTopP() {
        // ascending cumulative: 0.0195 (id 3), 0.0725 (id 0), 0.2166 (id 2), 0.6083 (id 1), 1 (id 4)
        // top_p 0.75 drops the tokens with cumulative <= 0.25: ids 3, 0 and 2
        int[] tokens = drawMany(new SamplingParams(1, 1.0, 0, 0.75, 1, 0), 500, 9);
        assertThat(Arrays.stream(tokens).boxed().toList()).allMatch(t -> t == 1 || t == 4);
    }

    @Test
    void nucleusKeepsTheTokenThatCrossesTheBoundary() {
        // top_p 0.8: 1 - 0.8 = 0.2 < 0.2166, so id 2 stays while ids 3 and 0 go
        int[] tokens = drawMany(new SamplingParams(1, 1.0, 0, 0.8, 1, 0), 2000, 9);
        assertThat(Arrays.stream(tokens).boxed().distinct().toList()).containsExactlyInAnyOrder(1, 2, 4);
    }

    @Test
    void logProbIsTheUntemperedLogSoftmax() {
        // at T = 0.7 the cumulative probabilities in id order are 0.0249, 0.4576, 0.5613, ...: u = 0.5 draws id 2
        double z = Math.exp(0) + Math.exp(2) + Math.exp(1) + Math.exp(-1) + Math.exp(2);
        Draws draws = new TokenChooser(new SamplingParams(1, 0.7, 0, 1.0, 1, 0)).draw(rows(LOGITS, 1),
                new double[] {0.5});
        assertThat(draws.tokens()).containsExactly(2);
        assertThat(draws.logprobs()[0]).isCloseTo(1 - Math.log(z), within(1e-12));
    }

    /** Random rows of 300 logits under every warper, each drawn in native code and by the plain Java reference. */
    @Test
    void nativeDrawsEqualThePlainJavaWarpers() {
        SplittableRandom rng = new SplittableRandom(17);
        int rows = 256;
        int vocab = 300;
        for (SamplingParams params : List.of(new SamplingParams(1, 1.0, 0, 1.0, 1, 0),
                new SamplingParams(1, 0.6, 40, 1.0, 1, 0), new SamplingParams(1, 1.3, 0, 0.9, 1, 0),
                new SamplingParams(1, 0.8, 50, 0.5, 1, 0), new SamplingParams(1, 1.0, 1, 0.05, 1, 0))) {
            float[] logits = new float[rows * vocab];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) (rng.nextGaussian() * 3);
            }
            double[] uniforms = rng.doubles(rows).toArray();
            Draws draws = new TokenChooser(params).draw(manager.create(logits, new Shape(rows, vocab)), uniforms);
            for (int r = 0; r < rows; r++) {
                float[] row = Arrays.copyOfRange(logits, r * vocab, (r + 1) * vocab);
                int expected = ReferenceWarpers.draw(row, params, uniforms[r]);
                assertThat(draws.tokens()[r]).as("row %d of %s", r, params).isEqualTo(expected);
                assertThat(draws.logprobs()[r]).isCloseTo(ReferenceWarpers.logProb(row, expected), within(1e-9));
            }
        }
    }

    @Test
    void invalidParametersNameTheField() {
        assertThatThrownBy(() -> new SamplingParams(0, 1, 0, 1, 1, 0)).hasMessageContaining("max_new_tokens");
        assertThatThrownBy(() -> new SamplingParams(1, -1, 0, 1, 1, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new SamplingParams(1, 1, -2, 1, 1, 0)).hasMessageContaining("top_k");
        assertThatThrownBy(() -> new SamplingParams(1, 1, 0, 0, 1, 0)).hasMessageContaining("top_p");
        assertThatThrownBy(() -> new SamplingParams(1, 1, 0, 1, 0, 0)).hasMessageContaining("num_samples");
    }

    /** {@code count} draws from LOGITS, each with a uniform of a generator seeded {@code seed}. */
    private static int[] drawMany(SamplingParams params, int count, long seed) {
        double[] uniforms = new SplittableRandom(seed).doubles(count).toArray();
        return new TokenChooser(params).draw(rows(LOGITS, count), uniforms).tokens();
    }

    private static NDArray rows(float[] row, int count) {
        float[] all = new float[row.length * count];
        for (int r = 0; r < count; r++) {
            System.arraycopy(row, 0, all, r * row.length, row.length);
        }
        return manager.create(all, new Shape(count, row.length));
    }
}
