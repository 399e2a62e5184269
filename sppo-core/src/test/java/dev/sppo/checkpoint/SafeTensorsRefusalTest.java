package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTensorsRefusalTest {

    private static final String GOOD_ENTRY = entry("F32", "[2]", "[0,8]");

    @TempDir
    Path dir;

    @Test
    void refusesAFileShorterThanEightBytes() throws IOException {
        Path path = Files.write(dir.resolve("tiny.safetensors"), new byte[] {1, 2, 3, 4, 5});

        assertRefusal(path).hasMessageContaining("5 bytes, shorter than the 8-byte header length");
    }

    @Test
    void refusesAHeaderLengthBeyondTheFile() throws IOException {
        Path path = SafeTensorsBytes.writeRaw(dir.resolve("cut.safetensors"), 1000, "{}".getBytes(), new byte[10]);

        assertRefusal(path).hasMessageContaining("header length 1000 bytes exceeds the 12 bytes");
    }

    @ParameterizedTest
    @ValueSource(longs = {200L * 1024 * 1024, -1L})
    void refusesAnAbsurdHeaderLength(long declared) throws IOException {
        Path path = SafeTensorsBytes.writeRaw(dir.resolve("huge.safetensors"), declared, "{}".getBytes(), new byte[0]);

        assertRefusal(path).hasMessageContaining("header length " + Long.toUnsignedString(declared))
                .hasMessageContaining("absurd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": ", "{a: 1}", "{\"a\":{}} trailing"})
    void refusesAHeaderThatIsNotValidJson(String header) throws IOException {
        Path path = SafeTensorsBytes.write(dir.resolve("bad.safetensors"), header, new byte[0]);

        assertRefusal(path).hasMessageMatching(".*bad.safetensors: header is not valid JSON \\(syntax error at line 1 column \\d+\\)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "42", ""})
    void refusesAHeaderThatIsNotAnObject(String header) throws IOException {
        Path path = SafeTensorsBytes.write(dir.resolve("array.safetensors"), header, new byte[0]);

        assertRefusal(path).hasMessageContaining("header is not a JSON object");
    }

    @Test
    void refusesAHeaderThatIsNotUtf8() throws IOException {
        byte[] header = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};
        Path path = SafeTensorsBytes.writeRaw(dir.resolve("latin.safetensors"), header.length, header, new byte[0]);

        assertRefusal(path).hasMessageContaining("header is not valid UTF-8");
    }

    @ParameterizedTest
    @CsvSource({
        "dtype, '{\"shape\":[2],\"data_offsets\":[0,8]}'",
        "shape, '{\"dtype\":\"F32\",\"data_offsets\":[0,8]}'",
        "data_offsets, '{\"dtype\":\"F32\",\"shape\":[2]}'"})
    void refusesAnEntryWithoutARequiredField(String field, String entry) throws IOException {
        assertEntryRefused(entry, "missing '" + field + "'");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "F32  | [-1,2] | [0,8] | 'shape' holds a negative value -1",
        "F32  | [2.5]  | [0,8] | 'shape' must hold non-negative integers, got 2.5",
        "I64  | [1]    | [0,8] | unsupported dtype 'I64'",
        "F64  | [1]    | [0,8] | unsupported dtype 'F64'",
        "U8   | [8]    | [0,8] | unsupported dtype 'U8'",
        "f32  | [2]    | [0,8] | unsupported dtype 'f32'",
        "F16  | [3]    | [0,8] | data_offsets [0, 8] span 8 bytes but shape [3] of F16 needs 6",
        "F32  | [0]    | [8,0] | 'data_offsets' must be [begin, end] with begin <= end",
        "F32  | [2]    | [0]   | 'data_offsets' must be [begin, end] with begin <= end"})
    void refusesAMalformedEntry(String dtype, String shape, String offsets, String problem) throws IOException {
        assertEntryRefused(entry(dtype, shape, offsets), problem);
    }

    @Test
    void refusesATruncatedFileNamingTheTensorCut() throws IOException {
        String header = "{\"a\":" + GOOD_ENTRY + ",\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}";
        Path path = SafeTensorsBytes.write(dir.resolve("truncated.safetensors"), header, new byte[20]);

        assertRefusal(path).hasMessageContaining("tensor 'b': data_offsets end 24 lies beyond the 20-byte data buffer")
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesOverlappingTensors() throws IOException {
        String header = "{\"a\":" + GOOD_ENTRY + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        Path path = SafeTensorsBytes.write(dir.resolve("overlap.safetensors"), header, new byte[12]);

        assertRefusal(path).hasMessageContaining("tensor 'b': bytes [4, 12) overlap tensor 'a' bytes [0, 8)");
    }

    @Test
    void acceptsEmptyTensorsAndGapsBetweenTensors() throws IOException {
        String header = "{\"a\":" + GOOD_ENTRY + ",\"e\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}";
        Path path = SafeTensorsBytes.write(dir.resolve("gaps.safetensors"), header,
                SafeTensorsBytes.f32(1f, 2f, 0f, 3f));

        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            assertThat(file.readFloats("e")).isEmpty();
            assertThat(file.readFloats("b")).containsExactly(3f);
        }
    }

    @Test
    void refusesMetadataThatIsNotAStringMap() throws IOException {
        String header = "{\"__metadata__\":{\"step\":3}}";
        Path path = SafeTensorsBytes.write(dir.resolve("meta.safetensors"), header, new byte[0]);

        assertRefusal(path).hasMessageContaining("'__metadata__' entry 'step' must be a string");
    }

    @Test
    void refusesAnUnknownTensorNameListingKnownNames() throws IOException {
        StringBuilder header = new StringBuilder("{");
        for (int i = 0; i < 7; i++) {
            header.append(i == 0 ? "" : ",").append("\"layer").append(i)
                    .append("\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[")
                    .append(4 * i).append(',').append(4 * i + 4).append("]}");
        }
        Path path = SafeTensorsBytes.write(dir.resolve("known.safetensors"), header + "}", new byte[28]);

        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            assertThatThrownBy(() -> file.readFloats("layer9"))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining("known.safetensors: tensor 'layer9': no such tensor")
                    .hasMessageContaining("known tensors: layer0, layer1, layer2, layer3, layer4 and 2 more");
            assertThatThrownBy(() -> file.shape("nope")).hasMessageContaining("tensor 'nope': no such tensor");
        }
    }

    @Test
    void refusesAMissingFileNamingIt() {
        Path missing = dir.resolve("absent.safetensors");

        assertThatThrownBy(() -> SafeTensorsFile.open(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot open checkpoint " + missing + ": no such file");
    }

    @Test
    void readingAfterCloseFailsNamingTheFile() throws IOException {
        Path path = SafeTensorsBytes.write(dir.resolve("closed.safetensors"), "{\"w\":" + GOOD_ENTRY + "}", new byte[8]);
        SafeTensorsFile file = SafeTensorsFile.open(path);
        file.close();

        assertThatThrownBy(() -> file.readFloats("w"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(path + " has been closed");
    }

    /** Writes a file whose one tensor 'w' has {@code entry} over 8 data bytes and expects {@code problem}. */
    private void assertEntryRefused(String entry, String problem) throws IOException {
        Path path = SafeTensorsBytes.write(dir.resolve("entry.safetensors"), "{\"w\":" + entry + "}", new byte[8]);

        assertRefusal(path).hasMessageContaining("tensor 'w': " + problem);
    }

    private static String entry(String dtype, String shape, String offsets) {
        return "{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefusal(Path path) {
        return assertThatThrownBy(() -> SafeTensorsFile.open(path).close())
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessageStartingWith(path + ": ");
    }
}
