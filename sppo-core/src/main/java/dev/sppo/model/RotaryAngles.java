package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import dev.sppo.kernels.TorchKernels;

/**
 * The (B, 1, T, d) rotary tables of one forward pass: {@code cos} and the signed sine {@code sin±} for keys,
 * and the same two multiplied by the attention scale 1/√d for queries. Since rotation is linear,
 * {@code rot(q)/√d = q ⊙ (cos/√d) + [q₂, q₁] ⊙ (sin±/√d)}: the scores' scaling costs no pass over q.
 */
record RotaryAngles(NDArray cos, NDArray sinSigned, NDArray queryCos, NDArray querySinSigned) {

    /** Tables for keys, and queries scaled by {@code scale} (a float32 scalar). */
    static RotaryAngles of(NDArray cos, NDArray sinSigned, NDArray scale) {
        return new RotaryAngles(cos, sinSigned, cos.mul(scale), sinSigned.mul(scale));
    }

    /** rot(k) for keys (B, H_kv, T, d). */
    NDArray rotateKeys(NDArray k) {
        return TorchKernels.rotate(k, cos, sinSigned);
    }

    /** rot(q)/√d for queries (B, H, T, d). */
    NDArray rotateQueries(NDArray q) {
        return TorchKernels.rotate(q, queryCos, querySinSigned);
    }
}
