package dev.sppo.checkpoint;

/**
 * Exact conversions between float32 and the two 16-bit float formats of checkpoints.
 *
 * <ul>
 *   <li>BF16 is the upper half of a float32: {@code float = bits << 16}.</li>
 *   <li>F16 is IEEE 754 binary16: 1 sign bit s, 5 exponent bits e (bias 15), 10 mantissa bits m.
 *       Normal: {@code (-1)^s * 2^(e-15) * (1 + m/1024)}; subnormal (e = 0):
 *       {@code (-1)^s * 2^-24 * m}; e = 31 is infinity (m = 0) or NaN.</li>
 * </ul>
 *
 * Every F16 and BF16 value is exactly representable as float32, so widening is exact. Narrowing
 * rounds to nearest, ties to even; values at or beyond the midpoint past the largest finite value
 * become infinity, and NaN stays a (quiet) NaN.
 */
final class HalfFloats {

    private static final int F32_SIGN = 0x8000_0000;
    private static final int F32_ABS = 0x7fff_ffff;
    private static final int F32_INF = 0x7f80_0000;
    private static final int F16_INF = 0x7c00;
    private static final int F16_QUIET = 0x0200;
    private static final int BF16_QUIET = 0x0040;
    /** Float32 exponent bias minus F16 exponent bias (127 - 15), moved to the exponent field. */
    private static final int REBIAS = 112 << 23;
    /** 65520, the midpoint between 65504 (largest F16) and 65536: from here on F16 rounds to infinity. */
    private static final int F16_OVERFLOW = 0x477f_f000;
    /** 2^-14, the smallest normal F16. */
    private static final int F16_MIN_NORMAL = 0x3880_0000;
    /** Below 2^-25 (half the smallest F16 subnormal) every float rounds to zero. */
    private static final int F16_UNDERFLOW_EXPONENT = 102;
    /** 2^-24, the unit of F16 subnormals. */
    private static final float F16_SUBNORMAL_UNIT = 0x1p-24f;

    private HalfFloats() {
    }

    static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xffff) << 16);
    }

    static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int abs = bits & F32_ABS;
        int sign = (bits >>> 16) & 0x8000;
        if (abs > F32_INF) {
            return (short) (sign | (abs >>> 16) | BF16_QUIET);
        }
        return (short) (sign | roundShiftRightToEven(abs, 16));
    }

    static float f16ToFloat(short f16) {
        int sign = (f16 & 0x8000) << 16;
        int exponent = (f16 >>> 10) & 0x1f;
        int mantissa = f16 & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * F16_SUBNORMAL_UNIT;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | F32_INF | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent << 10 | mantissa) << 13) + REBIAS);
    }

    static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int abs = bits & F32_ABS;
        int sign = (bits & F32_SIGN) >>> 16;
        if (abs > F32_INF) {
            return (short) (sign | F16_INF | F16_QUIET | ((abs & 0x7f_ffff) >>> 13));
        }
        if (abs >= F16_OVERFLOW) {
            return (short) (sign | F16_INF);
        }
        if (abs >= F16_MIN_NORMAL) {
            return (short) (sign | roundShiftRightToEven(abs - REBIAS, 13));
        }
        int exponent = abs >>> 23;
        if (exponent < F16_UNDERFLOW_EXPONENT) {
            return (short) sign;
        }
        int significand = (abs & 0x7f_ffff) | 0x80_0000;
        return (short) (sign | roundShiftRightToEven(significand, 126 - exponent));
    }

    /**
     * {@code value / 2^shift} rounded to nearest, ties to even, for a non-negative value. A carry
     * out of the mantissa field moves into the exponent field, which is the correct rounding.
     */
    private static int roundShiftRightToEven(int value, int shift) {
        int quotient = value >>> shift;
        int remainder = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (remainder > half || (remainder == half && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }
}
