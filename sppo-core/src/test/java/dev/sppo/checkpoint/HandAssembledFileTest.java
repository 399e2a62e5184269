package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandAssembledFileTest {

    private static final String HEADER = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"h\":{\"dtype\":\"F16\",\"shape\":[],\"data_offsets\":[8,10]},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,1],\"data_offsets\":[10,12]},"
            + "\"__metadata__\":{\"format\":\"pt\"}}";

    /** Prefix 196 (0xC4, not padded), the header, then: F32 1.0, -2.0; F16 0x3555; BF16 0xC0A0. */
    private static byte[] fileBytes() {
        byte[] prefix = {(byte) 0xC4, 0, 0, 0, 0, 0, 0, 0};
        byte[] data = {
            0x00, 0x00, (byte) 0x80, 0x3F,
            0x00, 0x00, 0x00, (byte) 0xC0,
            0x55, 0x35,
            (byte) 0xA0, (byte) 0xC0};
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[prefix.length + header.length + data.length];
        System.arraycopy(prefix, 0, file, 0, prefix.length);
        System.arraycopy(header, 0, file, prefix.length, header.length);
        System.arraycopy(data, 0, file, prefix.length + header.length, data.length);
        return file;
    }

    @Test
    void readsEveryDtypeShapeAndMetadataOfAByteByByteFile(@TempDir Path dir) throws IOException {
        assertThat(HEADER.length()).isEqualTo(0xC4);
        Path path = Files.write(dir.resolve("hand.safetensors"), fileBytes());

        try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
            assertThat(file.names()).containsExactly("a", "h", "b");
            assertThat(file.metadata()).isEqualTo(Map.of("format", "pt"));

            assertThat(file.dtype("a")).isEqualTo(DType.F32);
            assertThat(file.shape("a")).containsExactly(2);
            assertThat(file.readFloats("a")).containsExactly(1.0f, -2.0f);

            // F16 0x3555: exponent 13, mantissa 341 -> 2^-2 * (1 + 341/1024)
            assertThat(file.dtype("h")).isEqualTo(DType.F16);
            assertThat(file.shape("h")).isEmpty();
            assertThat(file.readFloats("h")).containsExactly(0.333251953125f);

            // BF16 0xC0A0 is float32 0xC0A00000 = -5.0
            assertThat(file.dtype("b")).isEqualTo(DType.BF16);
            assertThat(file.shape("b")).containsExactly(1, 1);
            assertThat(file.read("b").values()).containsExactly(-5.0f);
        }
    }
}
