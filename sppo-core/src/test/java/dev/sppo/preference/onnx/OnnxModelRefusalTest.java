package dev.sppo.preference.onnx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.checkpoint.MalformedCheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A model that does not fit its config is refused at load, naming what is missing or wrong. */
class OnnxModelRefusalTest {

    @TempDir
    Path dir;

    @Test
    void aGraphWithoutTheTokenIdsInputIsRefusedNamingIt() throws Exception {
        TinyJudge.write(dir, new TinyOnnx("ids", "attention_mask", List.of(), "logits", TinyJudge.EMBEDDINGS), null);
        assertThatThrownBy(() -> OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("model.onnx").hasMessageContaining("no input 'input_ids'")
                .hasMessageContaining("[ids, attention_mask]");
    }

    @Test
    void anInputTheConfigNamesAndTheGraphLacksIsRefusedNamingIt() throws Exception {
        TinyJudge.write(dir, "{\"attention_mask\": \"mask\"}");
        assertThatThrownBy(() -> OnnxPairwiseModel.load(dir, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("no input 'mask'").hasMessageContaining("attention_mask");
    }

    @Test
    void aGraphInputNothingFeedsIsRefusedNamingIt() throws Exception {
        TinyJudge.write(dir, new TinyOnnx("input_ids", "attention_mask", List.of("position_ids"), "logits",
                TinyJudge.EMBEDDINGS), null);
        assertThatThrownBy(() -> OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("[position_ids] are not fed");
    }

    @Test
    void aMissingOutputIsRefusedNamingItAndTheGraphsOutputs() throws Exception {
        TinyJudge.write(dir, "{\"output\": \"scores\"}");
        assertThatThrownBy(() -> OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("no output 'scores'").hasMessageContaining("[logits]");
    }

    @Test
    void aLogitColumnPastTheOutputsWidthIsRefused() throws Exception {
        TinyJudge.write(dir, "{\"logit_index\": 2}");
        assertThatThrownBy(() -> OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("'logits' has 2 column(s)").hasMessageContaining("column 2");
    }

    @Test
    void bytesThatAreNoOnnxModelAreRefusedNamingTheFile() throws Exception {
        TinyJudge.write(dir, null);
        Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("model.onnx").hasMessageContaining("ONNX Runtime cannot load it");
    }

    @Test
    void aConfigKeyThatDoesNotExistIsRefusedNamingTheFileAndTheKey() throws Exception {
        TinyJudge.write(dir, "{\"logit\": 1}");
        assertThatThrownBy(() -> OnnxRewardModel.load(dir, 1.0, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("onnx-judge.json").hasMessageContaining("unknown key 'logit'");
    }

    @Test
    void aMissingTokenizerIsRefusedNamingIt() throws Exception {
        TinyJudge.write(dir, null);
        Files.delete(dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> OnnxPairwiseModel.load(dir, OnnxRuntimeSettings.DEFAULTS))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("missing");
    }
}
