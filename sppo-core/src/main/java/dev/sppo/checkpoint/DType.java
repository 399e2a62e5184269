package dev.sppo.checkpoint;

import dev.sppo.model.WeightPrecision;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The element types this package reads and writes, named as in the safetensors header. Values are
 * little-endian; the buffers handed to {@link #decode} and {@link #encode} must be little-endian.
 * The 16-bit types convert through {@link HalfFloats}.
 */
public enum DType {
    F32(4),
    F16(2),
    BF16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** The size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /**
     * The dtype named {@code name} in the header of {@code file} for {@code tensor}.
     *
     * @throws MalformedCheckpointException for a dtype this package does not support (e.g. I64, F64, U8)
     */
    public static DType parse(String name, Path file, String tensor) {
        for (DType dtype : values()) {
            if (dtype.name().equals(name)) {
                return dtype;
            }
        }
        throw new MalformedCheckpointException(file, tensor,
                "unsupported dtype '" + name + "' (supported: F32, F16, BF16)");
    }

    /** The file type of weights saved in {@code precision}. */
    public static DType of(WeightPrecision precision) {
        return switch (precision) {
            case FLOAT32 -> F32;
            case BFLOAT16 -> BF16;
            case FLOAT16 -> F16;
        };
    }

    /** Reads {@code count} elements from {@code in} into {@code out[offset..offset+count)}, widened exactly. */
    void decode(ByteBuffer in, float[] out, int offset, int count) {
        if (this == F32) {
            in.asFloatBuffer().get(out, offset, count);
            in.position(in.position() + count * Float.BYTES);
            return;
        }
        for (int i = offset; i < offset + count; i++) {
            short bits = in.getShort();
            out[i] = this == F16 ? HalfFloats.f16ToFloat(bits) : HalfFloats.bf16ToFloat(bits);
        }
    }

    /** Writes {@code value} to {@code out}, rounded to nearest even for the 16-bit types. */
    void encode(float value, ByteBuffer out) {
        switch (this) {
            case F32 -> out.putFloat(value);
            case F16 -> out.putShort(HalfFloats.floatToF16(value));
            case BF16 -> out.putShort(HalfFloats.floatToBf16(value));
        }
    }
}
