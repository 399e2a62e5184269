package dev.sppo.preference.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.DType;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.SafeTensorsFile;
import dev.sppo.checkpoint.SafeTensorsWriter;
import dev.sppo.checkpoint.Tensor;
import dev.sppo.model.InvalidModelConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankerDirectoryTest {

    private static final List<String> RESPONSES = List.of("85", "58", "86");

    @TempDir
    Path tmp;

    @Test
    void saveThenLoadGivesBitIdenticalWeightsAndPreferences() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker original = TinyRankers.random(manager, 9)) {
            RankerDirectory.save(original, tmp.resolve("ranker"));
            try (PairwiseRanker copy = RankerDirectory.load(tmp.resolve("ranker"), manager)) {
                assertThat(copy.config()).isEqualTo(original.config());
                assertThat(copy.tokenizer()).isEqualTo(original.tokenizer());
                for (int i = 0; i < original.parameters().size(); i++) {
                    assertThat(copy.parameters().get(i).getName()).isEqualTo(original.parameters().get(i).getName());
                    assertThat(copy.parameters().get(i).getArray().toFloatArray())
                            .containsExactly(original.parameters().get(i).getArray().toFloatArray());
                }
                assertThat(copy.compare("37+48=", RESPONSES)).isEqualTo(original.compare("37+48=", RESPONSES));
            }
        }
    }

    @Test
    void headOfTheWrongShapeIsRefusedNamingFileAndTensor() throws IOException {
        Path dir = savedRanker();
        rewriteTensor(dir, RankerConfig.HEAD_WEIGHT, new Tensor(RankerConfig.HEAD_WEIGHT, new long[] {2, 32},
                new float[64]));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RankerDirectory.load(dir, manager))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining("model.safetensors").hasMessageContaining(RankerConfig.HEAD_WEIGHT)
                    .hasMessageContaining("[2, 32]");
        }
    }

    @Test
    void missingHeadTensorIsRefused() throws IOException {
        Path dir = savedRanker();
        rewriteTensor(dir, RankerConfig.HEAD_BIAS, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RankerDirectory.load(dir, manager))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining("missing tensor").hasMessageContaining(RankerConfig.HEAD_BIAS);
        }
    }

    @Test
    void configWithoutTheRankerSectionOrOfAnotherModelIsRefused() throws IOException {
        Path dir = savedRanker();
        Path config = dir.resolve("config.json");
        String json = Files.readString(config);
        Files.writeString(config, json.replace("\"ranker\"", "\"other\""));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RankerDirectory.load(dir, manager))
                    .isInstanceOf(InvalidModelConfigException.class)
                    .hasMessageContaining("config.json").hasMessageContaining("'ranker' section");
            Files.writeString(config, json.replace(RankerConfig.ARCHITECTURE, "LlamaForCausalLM"));
            assertThatThrownBy(() -> RankerDirectory.load(dir, manager))
                    .isInstanceOf(InvalidModelConfigException.class)
                    .hasMessageContaining("config.json").hasMessageContaining(RankerConfig.ARCHITECTURE);
        }
    }

    private Path savedRanker() throws IOException {
        Path dir = tmp.resolve("ranker");
        try (NDManager manager = NDManager.newBaseManager(); PairwiseRanker ranker = TinyRankers.random(manager, 1)) {
            RankerDirectory.save(ranker, dir);
        }
        return dir;
    }

    /** Replaces tensor {@code name} of the saved weights with {@code replacement}, or drops it when null. */
    private static void rewriteTensor(Path dir, String name, Tensor replacement) throws IOException {
        Path file = dir.resolve("model.safetensors");
        List<Tensor> tensors = new ArrayList<>();
        try (SafeTensorsFile weights = SafeTensorsFile.open(file)) {
            for (String n : weights.names()) {
                if (!n.equals(name)) {
                    tensors.add(weights.read(n));
                } else if (replacement != null) {
                    tensors.add(replacement);
                }
            }
        }
        SafeTensorsWriter.write(file, tensors, Map.of("format", "pt"), DType.F32);
    }
}
