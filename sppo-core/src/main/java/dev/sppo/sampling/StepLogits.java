package dev.sppo.sampling;

import ai.djl.ndarray.NDArray;

/** Where the sampler gets each step's logits from; what it holds lives until {@link #close()}. */
interface StepLogits extends AutoCloseable {

    /**
     * The (R, V) logits of the last column of {@code state} (the prompt's last column on the first call), in the
     * caller's {@link ai.djl.ndarray.NDScope}.
     */
    NDArray next(DecodeState state);

    @Override
    void close();
}
