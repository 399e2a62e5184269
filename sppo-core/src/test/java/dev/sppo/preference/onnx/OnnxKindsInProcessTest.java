package dev.sppo.preference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.loop.PreferenceSection;
import dev.sppo.loop.RunPreferences;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A run's {@code preference} section names the ONNX kinds, and the run's factory builds them. */
class OnnxKindsInProcessTest {

    @TempDir
    Path dir;

    private static PreferenceModelSpec read(Map<String, Object> section) {
        return PreferenceSection.read(new ConfigTree(PreferenceSection.KEY, section), null);
    }

    @Test
    void anOnnxRewardSectionTakesTauOneAndBuildsTheExportedModel() throws Exception {
        TinyJudge.write(dir, null);
        PreferenceModelSpec spec = read(Map.of("kind", "onnx_reward", "model_uri", dir.toUri().toString()));
        assertThat(spec.tau()).isEqualTo(1.0);
        try (NDManager manager = NDManager.newBaseManager()) {
            PreferenceModel model = RunPreferences.build(spec, manager, LlmJudgeResolver.unavailable("none"));
            double[] scores = model.compare("the movie", List.of("good", "bad")).scores();
            assertThat(scores[0]).isCloseTo(TinyJudge.score("the movie", "good", 0), within(1e-5));
            ((OnnxModel) model).close();
        }
    }

    @Test
    void aMismatchedModelIsRefusedOnTheSectionsModelUri() throws Exception {
        TinyJudge.write(dir, "{\"token_type_ids\": \"segments\"}");
        PreferenceModelSpec spec = read(Map.of("kind", "onnx_pairwise", "model_uri", dir.toString()));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RunPreferences.build(spec, manager, LlmJudgeResolver.unavailable("none")))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith("preference.model_uri: cannot load the onnx_pairwise at " + dir)
                    .hasMessageContaining("no input 'segments'");
        }
    }
}
