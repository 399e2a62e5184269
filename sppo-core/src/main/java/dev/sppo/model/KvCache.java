package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

/**
 * The key/value cache of incremental decoding: per layer, the rotated keys and the values of every position
 * seen so far, each of shape (B, H_kv, T_past, d). Appending concatenates along the time axis. Under a sliding
 * window (mistral) every key stays cached; the attention mask hides those the window has passed.
 *
 * <p>Cached arrays are taken out of the caller's {@link NDScope} so that they outlive each decoding step; the
 * arrays they replace are closed at once, and {@link #close()} frees the rest.
 */
public final class KvCache implements AutoCloseable {

    private final NDArray[] keys;
    private final NDArray[] values;

    public KvCache(int layers) {
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of cached positions (0 before the first forward pass). */
    public long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    NDList append(int layer, NDArray key, NDArray value) {
        NDArray k = keys[layer] == null ? key : keys[layer].concat(key, 2);
        NDArray v = values[layer] == null ? value : values[layer].concat(value, 2);
        NDScope.unregister(k, v);
        replace(layer, k, v);
        return new NDList(k, v);
    }

    private void replace(int layer, NDArray k, NDArray v) {
        if (keys[layer] != null && keys[layer] != k) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = k;
        values[layer] = v;
    }

    @Override
    public void close() {
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] != null) {
                keys[layer].close();
                values[layer].close();
                keys[layer] = null;
                values[layer] = null;
            }
        }
    }
}
