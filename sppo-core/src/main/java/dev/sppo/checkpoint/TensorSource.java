package dev.sppo.checkpoint;

import java.nio.file.Path;
import java.util.Set;

/**
 * Read access to named tensors, whether they sit in one safetensors file or in several shards.
 * Every accessor refuses an unknown name with a {@link MalformedCheckpointException} that lists
 * a few known names.
 */
public interface TensorSource extends AutoCloseable {

    /** The file that lists the tensors: the safetensors file itself, or the index of a sharded checkpoint. */
    Path origin();

    /** The safetensors file that holds tensor {@code name}. */
    Path fileOf(String name);

    /** The tensor names, in the order the checkpoint lists them. */
    Set<String> names();

    /** The dimensions of tensor {@code name}. */
    long[] shape(String name);

    /** The stored element type of tensor {@code name}. */
    DType dtype(String name);

    /** The values of tensor {@code name} widened exactly to float32, in C order. */
    float[] readFloats(String name);

    /** Tensor {@code name} with its shape and float32 values. */
    default Tensor read(String name) {
        return new Tensor(name, shape(name), readFloats(name));
    }

    @Override
    void close();
}
