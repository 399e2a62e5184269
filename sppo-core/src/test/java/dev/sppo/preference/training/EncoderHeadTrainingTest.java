package dev.sppo.preference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.config.ConfigFiles;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.learned.EncoderHeadModel;
import dev.sppo.preference.learned.LearnedModels;
import dev.sppo.preference.onnx.MiniLm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-preference} with {@code kind: encoder_head}: a head on frozen MiniLM learns which review is kind. */
class EncoderHeadTrainingTest {

    private static final List<String> SUBJECTS = List.of("movie", "food", "service", "hotel", "concert", "book",
            "game", "show", "trip", "class");
    private static final List<String> GOOD = List.of("wonderful", "delightful", "excellent", "lovely", "superb");
    private static final List<String> BAD = List.of("terrible", "awful", "dreadful", "horrible", "miserable");

    @TempDir
    Path tmp;

    /** 50 pairs "The S was <good>." over "The S was <bad>.", the prompt empty. */
    private Path sentimentPairs() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < SUBJECTS.size(); s++) {
            for (int w = 0; w < GOOD.size(); w++) {
                lines.add("{\"prompt\": \"The " + SUBJECTS.get(s) + " was\", \"chosen\": \"" + GOOD.get(w)
                        + ".\", \"rejected\": \"" + BAD.get((w + s) % BAD.size()) + ".\"}");
            }
        }
        Path file = tmp.resolve("pairs.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void aHeadOnMiniLmLearnsTheHeldOutPairsAndServesAsAnEncoderHeadSpec() throws IOException {
        TrainPreferenceConfig config = new TrainPreferenceConfigReader().read(ConfigFiles.parse("""
                kind: encoder_head
                backbone: onnx:%s
                data: %s
                held_out: 0.2
                model: {hidden_size: 16}
                training: {epochs: 20, batch_size: 8, learning_rate: 0.01}
                out_dir: %s
                """.formatted(MiniLm.dir(), sentimentPairs(), tmp.resolve("out"))));
        TrainPreferenceResult result = TrainPreferenceRun.run(config,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(result.training().heldOut().vsLabels()).as("held-out accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(result.parameters()).isEqualTo(16L * 384 + 16 + 16 + 1);
        assertThat(result.checkpoint().resolve(EncoderHeadModel.WEIGHTS_FILE)).isRegularFile();
        try (NDManager manager = NDManager.newBaseManager()) {
            PreferenceModel model = new LearnedModels(manager).apply(new PreferenceModelSpec(
                    PreferenceKind.ENCODER_HEAD, null, 1.0, null, result.checkpoint().toString(), List.of()));
            assertThat(model.compare("The concert was", List.of("dreadful.", "superb.")).selected().winner())
                    .isEqualTo(1);
            ((EncoderHeadModel) model).close();
        }
    }

    @Test
    void anOnnxBackboneIsRefusedForTheCharacterLevelKindsAndAnotherPrefixForTheEncoderHead() {
        assertThatThrownBy(() -> new TrainPreferenceConfigReader().read(Map.of("kind", "reward_model",
                "backbone", "onnx:all-minilm-l6-v2")))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("backbone onnx:... is for kind "
                        + "encoder_head only");
        assertThatThrownBy(() -> new TrainPreferenceConfigReader().read(Map.of("kind", "encoder_head",
                "backbone", "minilm"))).isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("backbone must be onnx:all-minilm-l6-v2 or onnx:DIR");
    }
}
