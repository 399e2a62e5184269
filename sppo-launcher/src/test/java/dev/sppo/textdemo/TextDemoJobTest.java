package dev.sppo.textdemo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.config.ConfigFiles;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.preference.PreferenceKind;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

class TextDemoJobTest {

    @Test
    void theJarCarriesDocsTextDemoYamlItself() throws Exception {
        assertThat(TextDemoJob.config()).isEqualTo(ConfigFiles.parse(Path.of("..", "docs", "text-demo.yaml")));
    }

    @Test
    void theInProcessJobTrainsAgainstTheEncoderHeadAndIsEvaluatedByVader() {
        SppoConfig config = new SppoConfigReader().read(TextDemoJob.config());

        assertThat(config.preference().kind()).isEqualTo(PreferenceKind.ENCODER_HEAD);
        assertThat(config.evaluationJudge()).hasValueSatisfying(
                judge -> assertThat(judge.kind()).isEqualTo(PreferenceKind.VADER_SENTIMENT));
        assertThat(config.iterations()).isEqualTo(TextDemoJob.iterations()).isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onThePlatformThePromptsAreTheUploadedDatasetAndTheModelsTheAssets() {
        TextDemoAssets assets = new TextDemoAssets(Path.of("/store/models/text-demo"));

        Map<String, Object> job = TextDemoJob.forPlatform("text-demo", "ds-7", assets);

        assertThat(job).containsEntry("name", "text-demo").doesNotContainKey("run_dir");
        assertThat((Map<String, Object>) job.get("prompts")).containsEntry("dataset", "ds-7")
                .containsEntry("eval_fraction", 0.2).doesNotContainKey("path");
        assertThat(job.get("base")).isEqualTo(Map.of("path", "/store/models/text-demo/base"));
        assertThat((Map<String, Object>) job.get("preference")).containsEntry("kind", "encoder_head")
                .containsEntry("model_uri", "/store/models/text-demo/judge/model");
        assertThat(job.get("evaluation")).isEqualTo(TextDemoJob.config().get("evaluation"));
    }
}
