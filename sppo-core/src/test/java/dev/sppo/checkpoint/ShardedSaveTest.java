package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardedSaveTest {

    @TempDir
    Path tmp;

    private NDManager manager;
    private Policy original;

    @BeforeEach
    void setUp() throws IOException {
        manager = NDManager.newBaseManager();
        Path dir = tmp.resolve("original");
        HfLlamaFixture.write(dir, HfLlamaFixture.tensors(21), DType.F32);
        original = ModelDirectory.load(dir, manager);
    }

    @AfterEach
    void tearDown() throws Exception {
        original.close();
        manager.close();
    }

    @Test
    void halfPrecisionSaveRoundsEachWeightToNearestEvenAndNamesTheDtype() throws Exception {
        for (WeightPrecision precision : List.of(WeightPrecision.BFLOAT16, WeightPrecision.FLOAT16)) {
            Path dir = tmp.resolve(precision.configName());
            ModelDirectory.save(original, dir, Map.of(), new SaveOptions(precision, Long.MAX_VALUE));
            assertThat(Files.readString(dir.resolve("config.json")))
                    .contains("\"torch_dtype\": \"" + precision.configName() + "\"");
            DType dtype = DType.of(precision);
            double relativeHalfUlp = precision == WeightPrecision.BFLOAT16 ? 0x1p-8 : 0x1p-11;
            try (Policy loaded = ModelDirectory.load(dir, manager);
                    SafeTensorsFile file = SafeTensorsFile.open(dir.resolve("model.safetensors"))) {
                for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(original.config())) {
                    assertThat(file.dtype(spec.name())).isEqualTo(dtype);
                    float[] before = original.model().weight(spec.name()).toFloatArray();
                    float[] after = loaded.model().weight(spec.name()).toFloatArray();
                    for (int i = 0; i < before.length; i++) {
                        assertThat(after[i]).as("%s[%d]", spec.name(), i)
                                .isEqualTo(HfLlamaFixture.stored(before[i], dtype));
                        assertThat((double) Math.abs(after[i] - before[i]))
                                .isLessThanOrEqualTo(relativeHalfUlp * Math.abs(before[i]) + 0x1p-24);
                    }
                }
            }
        }
    }

    @Test
    void shardedSaveLoadsBackBitIdentical() throws Exception {
        Path dir = tmp.resolve("sharded");
        ModelDirectory.save(original, dir, Map.of(), SaveOptions.of(WeightPrecision.FLOAT32, "20KB"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".safetensors")))
                    .hasSizeGreaterThan(2).allMatch(n -> n.matches("model-0000\\d-of-0000\\d\\.safetensors"));
        }
        assertThat(dir.resolve("model.safetensors")).doesNotExist();
        try (Policy loaded = ModelDirectory.load(dir, manager); WeightFiles weights = WeightFiles.open(dir)) {
            for (LlamaLayout.TensorSpec spec : LlamaLayout.tensors(original.config())) {
                assertThat(loaded.model().weight(spec.name()).toFloatArray()).as(spec.name())
                        .containsExactly(original.model().weight(spec.name()).toFloatArray());
                long bytes = Files.size(weights.fileOf(spec.name()));
                assertThat(bytes).as("shard of " + spec.name()).isLessThan(20_000 + 4096);
            }
        }
    }

    /**
     * Limit 100 bytes of float32: a (5 values, 20 bytes) and b (20 values, 80 bytes) fill a shard exactly; c (120
     * bytes) is over the limit and gets a shard of its own at once, before a and b's shard closes; d (20 bytes) would
     * take that one past the limit, so it closes and d starts the third. Float16 at 50 bytes groups them alike.
     */
    @Test
    void shardsAndIndexFollowSavePretrained() throws IOException {
        List<Tensor> tensors = List.of(new Tensor("a", new long[] {5}, new float[5]),
                new Tensor("b", new long[] {4, 5}, new float[20]), new Tensor("c", new long[] {30}, new float[30]),
                new Tensor("d", new long[] {5}, new float[5]));
        assertThat(ShardedWriter.shards(tensors, DType.F32, 100))
                .extracting(shard -> shard.stream().map(Tensor::name).toList())
                .containsExactly(List.of("c"), List.of("a", "b"), List.of("d"));
        Path dir = Files.createDirectories(tmp.resolve("index"));
        ShardedWriter.write(dir, tensors, Map.of("format", "pt"), new SaveOptions(WeightPrecision.FLOAT16, 50));
        assertThat(Files.readString(dir.resolve("model.safetensors.index.json"))).isEqualTo("""
                {
                  "metadata": {
                    "total_size": 120
                  },
                  "weight_map": {
                    "a": "model-00002-of-00003.safetensors",
                    "b": "model-00002-of-00003.safetensors",
                    "c": "model-00001-of-00003.safetensors",
                    "d": "model-00003-of-00003.safetensors"
                  }
                }
                """);
    }

    @Test
    void shardSizesAreReadAsTransformersReadsThem() {
        assertThat(SaveOptions.parseSize("5GB")).isEqualTo(5_000_000_000L);
        assertThat(SaveOptions.parseSize("2GiB")).isEqualTo(2L << 30);
        assertThat(SaveOptions.parseSize("500MB")).isEqualTo(500_000_000L);
        assertThat(SaveOptions.parseSize("10mib")).isEqualTo(10L << 20);
        assertThat(SaveOptions.parseSize("4096")).isEqualTo(4096L);
        assertThatThrownBy(() -> SaveOptions.parseSize("lots"))
                .hasMessageContaining("save.max_shard_size").hasMessageContaining("'lots'");
    }
}
