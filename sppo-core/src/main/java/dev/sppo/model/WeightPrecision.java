package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.sppo.kernels.TorchKernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How floating-point weights are held: in memory for a frozen base ({@code base.dtype}), or on disk for a saved
 * checkpoint ({@code save.dtype}). Named as PyTorch names its dtypes in {@code torch_dtype}.
 */
public enum WeightPrecision {
    FLOAT32(DataType.FLOAT32, 4),
    BFLOAT16(DataType.BFLOAT16, 2),
    FLOAT16(DataType.FLOAT16, 2);

    private final DataType dataType;
    private final int bytes;

    WeightPrecision(DataType dataType, int bytes) {
        this.dataType = dataType;
        this.bytes = bytes;
    }

    /** The engine's element type. */
    public DataType dataType() {
        return dataType;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /**
     * {@code values} (float32) converted to this precision, rounded to nearest even; a new array. bfloat16 goes
     * through {@link TorchKernels#toBfloat16}, and such an array reports its DJL type as {@code UNKNOWN}.
     */
    public NDArray convert(NDArray values) {
        return this == BFLOAT16 ? TorchKernels.toBfloat16(values) : values.toType(dataType, true);
    }

    /** The name configs and {@code config.json}'s {@code torch_dtype} use: float32, bfloat16, float16. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The precision named {@code value}.
     *
     * @throws IllegalArgumentException naming {@code field} and the accepted names
     */
    public static WeightPrecision parse(String field, String value) {
        for (WeightPrecision precision : values()) {
            if (precision.configName().equals(value)) {
                return precision;
            }
        }
        throw new IllegalArgumentException(field + ": expected one of " + Arrays.stream(values())
                .map(WeightPrecision::configName).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
