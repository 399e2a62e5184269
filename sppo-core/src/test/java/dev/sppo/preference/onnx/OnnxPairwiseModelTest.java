package dev.sppo.preference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.preference.PairwiseAggregation;
import dev.sppo.preference.PreferenceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class OnnxPairwiseModelTest {

    private static final String PROMPT = "the movie";
    private static final List<String> RESPONSES = List.of("was good", "bad bad", "the plot was good", "good {b}");

    @TempDir
    Path dir;

    /** L_ij from the reference: the default template {prompt} [A] {a} [B] {b} as one text. */
    private static double[][] expectedLogits() {
        int k = RESPONSES.size();
        double[][] logits = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    logits[i][j] = TinyJudge.score(PROMPT + " [A] " + RESPONSES.get(i) + " [B] " + RESPONSES.get(j),
                            null, 0);
                }
            }
        }
        return logits;
    }

    @Test
    void logitsAreTheCrossEncodersScoreOfEachOrderedPairInBatches() throws Exception {
        TinyJudge.write(dir, null);
        double[][] expected = expectedLogits();
        try (OnnxPairwiseModel model = OnnxPairwiseModel.load(dir, new OnnxRuntimeSettings(1, 5))) {
            double[][] logits = model.logitMatrix(PROMPT, RESPONSES);
            for (int i = 0; i < expected.length; i++) {
                assertThat(logits[i]).as("row " + i).containsExactly(expected[i], within(1e-5));
            }
            assertThat(logits[0][1]).as("the order of A and B matters").isNotCloseTo(logits[1][0], within(0.1));
        }
    }

    @Test
    void aggregationEqualsPairwiseAggregationOnTheSameLogits() throws Exception {
        TinyJudge.write(dir, null);
        double[][] expected = expectedLogits();
        double[][] p = PairwiseAggregation.fromLogits(expected).p();
        try (OnnxPairwiseModel model = OnnxPairwiseModel.load(dir, OnnxRuntimeSettings.DEFAULTS)) {
            PreferenceResult result = model.compare(PROMPT, RESPONSES);
            assertThat(result.scores()).containsExactly(PairwiseAggregation.scores(expected), within(1e-5));
            for (int i = 0; i < p.length; i++) {
                assertThat(result.matrix().p()[i]).as("P row " + i).containsExactly(p[i], within(1e-6));
            }
        }
    }
}
