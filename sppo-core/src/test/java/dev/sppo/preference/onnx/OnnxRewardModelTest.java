package dev.sppo.preference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class OnnxRewardModelTest {

    private static final String PROMPT = "the movie";
    private static final List<String> RESPONSES = List.of("was good good", "bad", "the plot was bad bad bad", "good");

    @TempDir
    Path dir;

    @Test
    void rewardsAreTheLogitOfThePromptResponseTextPairPaddedAndBatched() throws Exception {
        TinyJudge.write(dir, null);
        try (OnnxRewardModel model = OnnxRewardModel.load(dir, 1.0, new OnnxRuntimeSettings(1, 3))) {
            double[] r = model.rewards(PROMPT, RESPONSES);
            for (int i = 0; i < RESPONSES.size(); i++) {
                assertThat(r[i]).as("r_" + i).isCloseTo(TinyJudge.score(PROMPT, RESPONSES.get(i), 0), within(1e-5));
            }
        }
    }

    @Test
    void compareIsBradleyTerryOfTheRewardsAtTau() throws Exception {
        TinyJudge.write(dir, null);
        double tau = 0.5;
        double[] expected = RESPONSES.stream().mapToDouble(y -> TinyJudge.score(PROMPT, y, 0)).toArray();
        double[][] p = BradleyTerry.fromRewards(expected, tau).p();
        try (OnnxRewardModel model = OnnxRewardModel.load(dir, tau, OnnxRuntimeSettings.DEFAULTS)) {
            PreferenceResult result = model.compare(PROMPT, RESPONSES);
            assertThat(result.scores()).containsExactly(expected, within(1e-5));
            for (int i = 0; i < p.length; i++) {
                assertThat(result.matrix().p()[i]).containsExactly(p[i], within(1e-6));
            }
        }
    }

    @Test
    void aTemplateAndAMinusColumnMakeTheScoreTheLogOddsOfTheFilledText() throws Exception {
        TinyJudge.write(dir, "{\"template\": \"{prompt} {response}\", \"logit_index\": 1, \"minus_index\": 0}");
        try (OnnxRewardModel model = OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS)) {
            double[] r = model.rewards(PROMPT, RESPONSES);
            for (int i = 0; i < RESPONSES.size(); i++) {
                String text = PROMPT + " " + RESPONSES.get(i);
                assertThat(r[i]).as("r_" + i).isCloseTo(
                        TinyJudge.score(text, null, 1) - TinyJudge.score(text, null, 0), within(1e-5));
            }
        }
    }
}
