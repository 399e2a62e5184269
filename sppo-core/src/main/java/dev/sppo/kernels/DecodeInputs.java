package dev.sppo.kernels;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * What every decode step of one batch shares ({@link TorchKernels#decoder}): a LLaMA without biases or per-head norms,
 * its tables over every column the batch will hold, and its key/value caches.
 *
 * @param cos (B, 1, capacity, d) rotary cosines of each row's position at every column, for keys
 * @param sinSigned the signed sines, for keys
 * @param queryCos the cosines times the attention scale 1/√d, for queries
 * @param querySinSigned the signed sines times the attention scale, for queries
 * @param bias (B, 1, 1, capacity) additive attention bias over every column (the padding of each row)
 * @param weights the embedding; per layer input norm, q, k, v, o, post-attention norm, gate, up and down; then the
 *     final norm and the head (all float32)
 * @param keys each layer's (B, H_kv, capacity, d) key cache, written in place
 * @param values each layer's value cache, likewise
 * @param heads H, the query heads
 * @param kvHeads H_kv, the key/value heads (H a multiple of it)
 * @param eps the RMSNorm epsilon
 */
public record DecodeInputs(
        NDArray cos, NDArray sinSigned, NDArray queryCos, NDArray querySinSigned, NDArray bias, List<NDArray> weights,
        List<NDArray> keys, List<NDArray> values, int heads, int kvHeads, double eps) {}
