package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatsTest {

    @ParameterizedTest(name = "{1} -> {0} {2}")
    @CsvSource({
        "F16, 1.0, 0x3C00",
        "F16, -2.5, 0xC100",
        "F16, 65504, 0x7BFF",
        "F16, 0x1p-24, 0x0001",
        "F16, 0x1p-14, 0x0400",
        "F16, 0.1, 0x2E66",
        "F16, -0.0, 0x8000",
        "F16, Infinity, 0x7C00",
        "F16, -Infinity, 0xFC00",
        // ties go to the even neighbour
        "F16, 1.00048828125, 0x3C00",
        "F16, 1.00146484375, 0x3C02",
        "F16, 0x1p-25, 0x0000",
        "F16, 0x1.8p-25, 0x0001",
        // 65520 is the midpoint between 65504 and 65536: rounds to the even neighbour, infinity
        "F16, 65519, 0x7BFF",
        "F16, 65520, 0x7C00",
        "F16, 1e10, 0x7C00",
        "BF16, 1.0, 0x3F80",
        "BF16, -2.5, 0xC020",
        "BF16, 65504, 0x4780",
        "BF16, 0x1p-24, 0x3380",
        "BF16, 0.1, 0x3DCD",
        "BF16, Infinity, 0x7F80",
        "BF16, -Infinity, 0xFF80",
        "BF16, 1.00390625, 0x3F80",
        "BF16, 1.01171875, 0x3F82",
        "BF16, 3.4028235e38, 0x7F80"})
    void narrowingRoundsToNearestEven(DType dtype, float value, String bits) {
        ByteBuffer out = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
        dtype.encode(value, out);

        assertThat(String.format("0x%04X", out.getShort(0) & 0xffff)).isEqualTo(bits);
    }

    @Test
    void f16WideningMatchesTheBinary16Definition() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int sign = bits >>> 15;
            int exponent = (bits >>> 10) & 0x1f;
            int mantissa = bits & 0x3ff;
            float actual = HalfFloats.f16ToFloat((short) bits);
            if (exponent == 0x1f) {
                assertThat(Float.isNaN(actual)).isEqualTo(mantissa != 0);
                continue;
            }
            double magnitude = exponent == 0
                    ? Math.scalb((double) mantissa, -24)
                    : Math.scalb(1 + mantissa / 1024.0, exponent - 15);
            assertThat(Float.floatToRawIntBits(actual))
                    .as("F16 %04x", bits)
                    .isEqualTo(Float.floatToRawIntBits((float) (sign == 1 ? -magnitude : magnitude)));
        }
    }

    @Test
    void everyF16AndBf16PatternSurvivesWideningAndNarrowing() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float f16 = HalfFloats.f16ToFloat((short) bits);
            float bf16 = HalfFloats.bf16ToFloat((short) bits);
            if (Float.isNaN(f16)) {
                assertThat(HalfFloats.f16ToFloat(HalfFloats.floatToF16(f16))).isNaN();
            } else {
                assertThat(HalfFloats.floatToF16(f16) & 0xffff).as("F16 %04x", bits).isEqualTo(bits);
            }
            if (Float.isNaN(bf16)) {
                assertThat(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(bf16))).isNaN();
            } else {
                assertThat(HalfFloats.floatToBf16(bf16) & 0xffff).as("BF16 %04x", bits).isEqualTo(bits);
            }
        }
    }

    @Test
    void narrowingToF16PicksTheNearestNeighbour() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float value = (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(40) - 26));
            short rounded = HalfFloats.floatToF16(value);
            double error = Math.abs(value - (double) HalfFloats.f16ToFloat(rounded));
            double below = Math.abs(value - (double) HalfFloats.f16ToFloat((short) (rounded - 1)));
            double above = Math.abs(value - (double) HalfFloats.f16ToFloat((short) (rounded + 1)));
            if ((rounded & 0x7fff) != 0 && (rounded & 0x7fff) < 0x7bff) {
                assertThat(error).as("F16 of %s", value).isLessThanOrEqualTo(below).isLessThanOrEqualTo(above);
            }
        }
    }

    @Test
    void nanStaysNanInBothFormats() {
        float quiet = Float.NaN;
        float signalling = Float.intBitsToFloat(0x7f80_0001);
        assertThat(HalfFloats.f16ToFloat(HalfFloats.floatToF16(quiet))).isNaN();
        assertThat(HalfFloats.f16ToFloat(HalfFloats.floatToF16(signalling))).isNaN();
        assertThat(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(quiet))).isNaN();
        assertThat(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(signalling))).isNaN();
    }
}
