package dev.sppo.sampling;

/** How the sampler computes each step's logits. */
public enum Decoding {

    /** No cache: every step runs the whole prefix through the model again (a reference, quadratic in length). */
    RECOMPUTE,

    /** A key/value cache per row: each of a prompt's K rows runs the prompt through the model itself. */
    CACHED,

    /**
     * A key/value cache whose prompt part is computed once per prompt and then forked to its K rows; the same
     * samples as {@link #CACHED} for the same seed, with 1/K of the prefill work.
     */
    SHARED_PREFIX,

    /**
     * {@link #SHARED_PREFIX} with each decode step one compiled TorchScript call ({@link
     * dev.sppo.model.CompiledDecoding}) where the model allows it, eager steps elsewhere: the same samples.
     */
    COMPILED
}
