package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * The key/value cache of incremental decoding: per layer, the rotated keys and the values of every column seen so
 * far. Each layer's buffers of shape (B, H_kv, capacity, d) are allocated once, on the first append, and every
 * append writes its columns in place; attention reads views of the first {@link #length()} columns, so a decode
 * step copies only its own new keys and values. Under a sliding window (mistral) every key stays cached; the
 * attention mask hides those the window has passed.
 *
 * <p>The buffers are taken out of the caller's {@link NDScope} so that they outlive each decoding step;
 * {@link #close()} frees them.
 */
public final class KvCache implements AutoCloseable {

    private final int capacity;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int[] lengths;

    /**
     * @param layers the model's decoder layers
     * @param capacity the most columns the cache will hold (prompt width plus new tokens)
     */
    public KvCache(int layers, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.lengths = new int[layers];
    }

    /** Number of cached columns (0 before the first forward pass). */
    public long length() {
        return lengths[0];
    }

    /**
     * Repeats every row {@code copies} times in place of the cache's rows (row b becomes rows b·copies ..
     * b·copies + copies - 1): the prompt's cache, filled once, serves each of its K samples.
     */
    public void fork(int copies) {
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] != null) {
                NDArray k = keys[layer].repeat(0, copies);
                NDArray v = values[layer].repeat(0, copies);
                NDScope.unregister(k, v);
                free(layer);
                keys[layer] = k;
                values[layer] = v;
            }
        }
    }

    /** Writes (B, H_kv, T, d) keys and values after the layer's cached columns; returns views of all of them. */
    NDList append(int layer, NDArray key, NDArray value) {
        int from = lengths[layer];
        int to = from + Math.toIntExact(key.getShape().get(2));
        if (to > capacity) {
            throw new IllegalStateException("the key/value cache holds " + capacity + " columns, "
                    + to + " are needed");
        }
        if (keys[layer] == null) {
            keys[layer] = buffer(key);
            values[layer] = buffer(value);
        }
        NDIndex written = new NDIndex(":, :, {}:{}", from, to);
        keys[layer].set(written, key);
        values[layer].set(written, value);
        lengths[layer] = to;
        NDIndex cached = new NDIndex(":, :, :{}", to);
        return new NDList(keys[layer].get(cached), values[layer].get(cached));
    }

    /**
     * Counts one more column in every layer and returns its index, for a caller that writes the layers' buffers
     * itself ({@link CompiledDecoding}).
     */
    int reserveColumn() {
        int column = lengths[0];
        if (keys[0] == null || column + 1 > capacity) {
            throw new IllegalStateException("the key/value cache holds " + (keys[0] == null ? 0 : capacity)
                    + " columns, " + (column + 1) + " are needed");
        }
        for (int layer = 0; layer < lengths.length; layer++) {
            lengths[layer] = column + 1;
        }
        return column;
    }

    /** Each layer's (B, H_kv, capacity, d) key buffer. */
    List<NDArray> keyBuffers() {
        return List.of(keys);
    }

    /** Each layer's value buffer. */
    List<NDArray> valueBuffers() {
        return List.of(values);
    }

    private NDArray buffer(NDArray like) {
        Shape s = like.getShape();
        NDArray buffer = like.getManager().zeros(new Shape(s.get(0), s.get(1), capacity, s.get(3)), like.getDataType());
        NDScope.unregister(buffer);
        return buffer;
    }

    private void free(int layer) {
        keys[layer].close();
        values[layer].close();
        keys[layer] = null;
        values[layer] = null;
    }

    @Override
    public void close() {
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] != null) {
                free(layer);
            }
        }
    }
}
