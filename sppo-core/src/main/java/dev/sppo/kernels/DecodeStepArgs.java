package dev.sppo.kernels;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * The inputs of {@link TorchKernels#decodeStep}: one new column per row of a LLaMA without biases or per-head norms.
 *
 * @param ids (B, 1) int64 token ids
 * @param cos (B, 1, 1, d) rotary cosines of each row's position, for keys
 * @param sinSigned (B, 1, 1, d) the signed sines, for keys
 * @param queryCos the cosines times the attention scale 1/√d, for queries
 * @param querySinSigned the signed sines times the attention scale, for queries
 * @param bias (B, 1, 1, column + 1) additive attention bias over the cached columns and the new one
 * @param column where the new keys and values are written in each layer's cache
 * @param weights the embedding; per layer input norm, q, k, v, o, post-attention norm, gate, up and down; then the
 *     final norm and the head (all float32)
 * @param keys each layer's (B, H_kv, capacity, d) key cache, written in place
 * @param values each layer's value cache, likewise
 * @param heads H, the query heads
 * @param kvHeads H_kv, the key/value heads (H a multiple of it)
 * @param eps the RMSNorm epsilon
 */
public record DecodeStepArgs(
        NDArray ids, NDArray cos, NDArray sinSigned, NDArray queryCos, NDArray querySinSigned, NDArray bias,
        int column, List<NDArray> weights, List<NDArray> keys, List<NDArray> values, int heads, int kvHeads,
        double eps) {}
