package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/** A loss over winner/loser pairs. */
public interface PreferenceLoss {

    /**
     * The loss averaged over the batch's pairs, as a 0-D array that autograd can differentiate
     * with respect to the policy log-probs. Keep the batch's manager (or scope) open until the
     * backward pass is done: the loss's constants live there.
     */
    NDArray loss(PairBatch batch);

    /** The configuration name of this loss, as accepted by {@link LossType#parse(String)}. */
    String name();
}
