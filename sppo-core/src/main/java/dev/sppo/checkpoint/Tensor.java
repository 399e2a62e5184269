package dev.sppo.checkpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float32 tensor in C (row-major) order.
 *
 * <p>The shape is copied in and out; the values are not copied (they may be gigabytes), so the
 * caller must not change the array after handing it over.
 *
 * @param name   the tensor's name in the checkpoint, e.g. {@code model.embed_tokens.weight}
 * @param shape  the dimensions; {@code []} is a scalar
 * @param values {@code numel()} values in C order
 */
public record Tensor(String name, long[] shape, float[] values) {

    public Tensor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tensor name must not be blank");
        }
        Objects.requireNonNull(shape, () -> "tensor '" + name + "': shape must not be null");
        Objects.requireNonNull(values, () -> "tensor '" + name + "': values must not be null");
        shape = shape.clone();
        long numel;
        try {
            numel = Shapes.numel(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tensor '" + name + "': " + e.getMessage(), e);
        }
        if (numel != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                    + " holds " + numel + " values but " + values.length + " were given");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The element count, the product of the shape's dimensions. */
    public long numel() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor that
                && name.equals(that.name)
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
