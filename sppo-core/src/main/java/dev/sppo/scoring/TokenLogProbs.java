package dev.sppo.scoring;

import ai.djl.ndarray.NDArray;

/**
 * Teacher-forced log-probs of a right-padded batch.
 *
 * @param values (N, T) log π(token_{t+1} | tokens_{≤t}) for every column
 * @param responseMask (N, T) float: 1 where token_{t+1} belongs to the response, else 0
 */
public record TokenLogProbs(NDArray values, NDArray responseMask) {

    /** (N,) log π(y|x) = Σ_t mask_t · log π(y_t | x, y_{<t}). */
    public NDArray sequenceLogProbs() {
        return values.mul(responseMask).sum(new int[] {1});
    }

    /** Mean negative log-likelihood per response token: the supervised fine-tuning loss. */
    public NDArray meanNegativeLogLikelihood() {
        return values.mul(responseMask).sum().neg().div(responseMask.sum());
    }
}
