package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFilesTest {

    private static final String SHARD_1 = "model-00001-of-00002.safetensors";
    private static final String SHARD_2 = "model-00002-of-00002.safetensors";

    @TempDir
    Path dir;

    private final Tensor embed = new Tensor("embed", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
    private final Tensor norm = new Tensor("norm", new long[] {3}, new float[] {0.5f, 0.25f, 2f});
    private final Tensor head = new Tensor("head", new long[] {3, 1}, new float[] {-1, -2, -3});

    @BeforeEach
    void writeTwoShards() {
        SafeTensorsWriter.write(dir.resolve(SHARD_1), List.of(embed, norm), Map.of(), DType.F32);
        SafeTensorsWriter.write(dir.resolve(SHARD_2), List.of(head), Map.of(), DType.BF16);
    }

    @Test
    void readsTensorsAcrossTwoShardsOfAnIndex() throws IOException {
        writeIndex("\"head\":\"" + SHARD_2 + "\",\"embed\":\"" + SHARD_1 + "\",\"norm\":\"" + SHARD_1 + "\"");

        try (WeightFiles weights = WeightFiles.open(dir)) {
            assertThat(weights.names()).containsExactly("head", "embed", "norm");
            assertThat(weights.fileOf("embed")).isEqualTo(weights.fileOf("norm"));
            assertThat(weights.fileOf("embed").getFileName()).hasToString(SHARD_1);
            assertThat(weights.fileOf("head").getFileName()).hasToString(SHARD_2);
            assertThat(weights.shape("embed")).containsExactly(2, 3);
            assertThat(weights.dtype("head")).isEqualTo(DType.BF16);
            assertThat(weights.read("embed")).isEqualTo(embed);
            assertThat(weights.read("norm")).isEqualTo(norm);
            assertThat(weights.readFloats("head")).containsExactly(-1, -2, -3);
        }
    }

    @Test
    void prefersTheSingleFileWhenPresent() throws IOException {
        writeIndex("\"head\":\"missing.safetensors\"");
        Path single = dir.resolve(WeightFiles.SINGLE_FILE);
        SafeTensorsWriter.write(single, List.of(norm), Map.of(), DType.F32);

        try (WeightFiles weights = WeightFiles.open(dir)) {
            assertThat(weights.names()).containsExactly("norm");
            assertThat(weights.fileOf("norm")).isEqualTo(single);
            assertThat(weights.readFloats("norm")).containsExactly(0.5f, 0.25f, 2f);
        }
    }

    @Test
    void refusesADirectoryWithNeitherWeightFile() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> WeightFiles.open(empty))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageStartingWith(empty.toString())
                .hasMessageContaining("expected model.safetensors or model.safetensors.index.json");
    }

    @Test
    void refusesAPathThatIsNotADirectory() {
        Path shard = dir.resolve(SHARD_1);

        assertThatThrownBy(() -> WeightFiles.open(shard))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessage(shard + ": not a directory; expected a model directory holding model.safetensors or "
                        + "model.safetensors.index.json");
    }

    @Test
    void refusesAnIndexPointingToAMissingShard() throws IOException {
        Path index = writeIndex("\"embed\":\"" + SHARD_1 + "\",\"lm\":\"model-00003-of-00003.safetensors\"");

        assertOpenRefused()
                .hasMessageStartingWith(index + ": tensor 'lm': weight_map points to shard "
                        + "'model-00003-of-00003.safetensors', which does not exist");
    }

    @Test
    void refusesAnIndexPointingToAShardWithoutTheTensor() throws IOException {
        Path index = writeIndex("\"embed\":\"" + SHARD_1 + "\",\"head\":\"" + SHARD_1 + "\"");

        assertOpenRefused()
                .hasMessageStartingWith(index + ": tensor 'head': weight_map points to shard '" + SHARD_1
                        + "', which does not contain it");
    }

    @Test
    void refusesAShardOutsideTheModelDirectory() throws IOException {
        Path index = writeIndex("\"embed\":\"../" + SHARD_1 + "\"");

        assertOpenRefused()
                .hasMessageStartingWith(index + ": tensor 'embed': weight_map shard '../" + SHARD_1
                        + "' is not a file name inside");
    }

    @Test
    void refusesAnIndexWithoutAWeightMap() throws IOException {
        Path index = Files.writeString(dir.resolve(WeightFiles.INDEX_FILE), "{\"metadata\":{}}");

        assertOpenRefused()
                .hasMessage(index + ": index has no 'weight_map'");
    }

    @Test
    void refusesAnUnknownTensorNameListingKnownNames() throws IOException {
        writeIndex("\"embed\":\"" + SHARD_1 + "\",\"head\":\"" + SHARD_2 + "\"");

        try (WeightFiles weights = WeightFiles.open(dir)) {
            assertThatThrownBy(() -> weights.readFloats("lm_head"))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessage(dir + ": tensor 'lm_head': no such tensor; known tensors: embed, head");
            assertThatThrownBy(() -> weights.fileOf("lm_head")).hasMessageContaining("'lm_head': no such tensor");
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertOpenRefused() {
        return assertThatThrownBy(() -> WeightFiles.open(dir)).isInstanceOf(MalformedCheckpointException.class);
    }

    private Path writeIndex(String weightMapMembers) throws IOException {
        String json = "{\"metadata\":{\"total_size\":48},\"weight_map\":{" + weightMapMembers + "}}";
        return Files.writeString(dir.resolve(WeightFiles.INDEX_FILE), json);
    }
}
