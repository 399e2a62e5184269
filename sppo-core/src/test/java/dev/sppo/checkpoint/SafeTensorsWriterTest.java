package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsWriterTest {

    @TempDir
    Path dir;

    @Test
    void f32RoundTripIsBitIdentical() {
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc1_2345), 1e-40f};
        Random random = new Random(42);
        float[] matrix = new float[3 * 700_000];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = Float.intBitsToFloat(random.nextInt());
        }
        List<Tensor> tensors = List.of(
                new Tensor("special", new long[] {2, 4}, special),
                new Tensor("matrix", new long[] {3, 700_000}, matrix),
                new Tensor("scalar", new long[] {}, new float[] {3.5f}),
                new Tensor("empty", new long[] {0, 5}, new float[0]));

        Path path = writeModel(tensors, DType.F32);

        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            for (Tensor tensor : tensors) {
                assertThat(file.dtype(tensor.name())).isEqualTo(DType.F32);
                assertThat(file.shape(tensor.name())).isEqualTo(tensor.shape());
                assertThat(rawBits(file.readFloats(tensor.name()))).isEqualTo(rawBits(tensor.values()));
            }
        }
    }

    @Test
    void f16RoundTripOfHandPickedValues() {
        float[] written = {1f, -2.5f, 65504f, 0x1p-24f, 0.1f, Float.POSITIVE_INFINITY, Float.NaN, 65520f, -0f};
        // 0.1 -> F16 0x2E66 = 2^-4 * (1 + 614/1024); 65520 ties to the even neighbour, infinity
        float[] expected = {1f, -2.5f, 65504f, 0x1p-24f, 0.0999755859375f, Float.POSITIVE_INFINITY, Float.NaN,
            Float.POSITIVE_INFINITY, -0f};

        assertThat(roundTrip(written, DType.F16)).isEqualTo(rawBitsWithCanonicalNan(expected));
    }

    @Test
    void bf16RoundTripOfHandPickedValues() {
        float[] written = {1f, -2.5f, 65504f, 0x1p-24f, 0.1f, Float.POSITIVE_INFINITY, Float.NaN, 0x1p-133f};
        // 65504 = 0x477FE000 rounds up to 0x4780 = 65536; 0.1 = 0x3DCCCCCD rounds up to 0x3DCD
        // = 2^-4 * (1 + 77/128); 2^-133 is a float32 subnormal that BF16 holds exactly
        float[] expected = {1f, -2.5f, 65536f, 0x1p-24f, 0.10009765625f, Float.POSITIVE_INFINITY, Float.NaN,
            0x1p-133f};

        assertThat(roundTrip(written, DType.BF16)).isEqualTo(rawBitsWithCanonicalNan(expected));
    }

    @Test
    void f16ValuesSpanningSeveralReadChunksComeBackInOrder() {
        float[] values = new float[1_500_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2001 - 1000;
        }

        assertThat(roundTrip(values, DType.F16)).isEqualTo(rawBitsWithCanonicalNan(values));
    }

    @Test
    void headerIsPaddedWithSpacesToAMultipleOfEight() throws IOException {
        for (int nameLength = 1; nameLength <= 8; nameLength++) {
            String name = "w".repeat(nameLength);
            Path path = dir.resolve("pad" + nameLength + ".safetensors");
            SafeTensorsWriter.write(path, List.of(new Tensor(name, new long[] {1}, new float[] {2f})),
                    Map.of(), DType.F32);

            byte[] bytes = Files.readAllBytes(path);
            long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertThat(headerLength % 8).as("header length for name %s", name).isZero();
            assertThat(header.strip()).startsWith("{").endsWith("}");
            assertThat(header.substring(header.lastIndexOf('}') + 1)).matches(" *");
            assertThat(bytes.length).isEqualTo(8 + headerLength + 4);
        }
    }

    @Test
    void metadataAndTensorOrderArePreserved() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("sppo.iteration", "2");
        List<Tensor> tensors = Stream.of("z", "a", "m")
                .map(name -> new Tensor(name, new long[] {1}, new float[] {1f}))
                .toList();
        Path path = dir.resolve("meta.safetensors");

        SafeTensorsWriter.write(path, tensors, metadata, DType.BF16);

        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            assertThat(file.metadata()).containsExactly(Map.entry("format", "pt"), Map.entry("sppo.iteration", "2"));
            assertThat(file.names()).containsExactly("z", "a", "m");
        }
    }

    @Test
    void atomicWriteReplacesTheTargetAndLeavesNoTempFile() throws IOException {
        Path path = dir.resolve("model.safetensors");
        SafeTensorsWriter.write(path, List.of(new Tensor("w", new long[] {1}, new float[] {1f})), Map.of(), DType.F32);
        SafeTensorsWriter.write(path, List.of(new Tensor("w", new long[] {1}, new float[] {2f})), Map.of(), DType.F32);

        assertThat(listing()).containsExactly("model.safetensors");
        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            assertThat(file.readFloats("w")).containsExactly(2f);
        }
    }

    @Test
    void failedWriteLeavesTheTargetAsItWasAndNoTempFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.safetensors"));
        Files.writeString(target.resolve("keep.txt"), "kept");

        assertThatThrownBy(() -> SafeTensorsWriter.write(target,
                List.of(new Tensor("w", new long[] {1}, new float[] {1f})), Map.of(), DType.F32))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("model.safetensors");

        assertThat(listing()).containsExactly("model.safetensors");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
    }

    @Test
    void refusesTwoTensorsWithTheSameNameBeforeWritingAnything() throws IOException {
        Tensor tensor = new Tensor("w", new long[] {1}, new float[] {1f});
        Path path = dir.resolve("dup.safetensors");

        assertThatThrownBy(() -> SafeTensorsWriter.write(path, List.of(tensor, tensor), Map.of(), DType.F32))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageContaining("dup.safetensors")
                .hasMessageContaining("'w'")
                .hasMessageContaining("used twice");
        assertThat(listing()).isEmpty();
    }

    private Path writeModel(List<Tensor> tensors, DType dtype) {
        Path path = dir.resolve("model.safetensors");
        SafeTensorsWriter.write(path, tensors, Map.of(), dtype);
        return path;
    }

    private int[] roundTrip(float[] values, DType dtype) {
        Path path = writeModel(List.of(new Tensor("t", new long[] {values.length}, values)), dtype);
        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            assertThat(file.dtype("t")).isEqualTo(dtype);
            return rawBitsWithCanonicalNan(file.readFloats("t"));
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static int[] rawBits(float[] values) {
        int[] bits = new int[values.length];
        Arrays.setAll(bits, i -> Float.floatToRawIntBits(values[i]));
        return bits;
    }

    /** Raw bits, except that every NaN maps to the canonical NaN (the 16-bit formats keep no full payload). */
    private static int[] rawBitsWithCanonicalNan(float[] values) {
        int[] bits = new int[values.length];
        Arrays.setAll(bits, i -> Float.floatToIntBits(values[i]));
        return bits;
    }
}
