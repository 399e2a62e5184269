package dev.sppo.loss;

import ai.djl.ndarray.NDArray;

/**
 * A batch of N single responses (for example all K responses of several prompts), each with its
 * sequence log-prob under the policy and the frozen reference and its estimated win rate.
 * Every component is a 1-D array of length N.
 *
 * @param policy log pi_theta(y|x)
 * @param reference log pi_ref(y|x)
 * @param winRate Phat(y)
 */
public record ResponseBatch(NDArray policy, NDArray reference, NDArray winRate) {

    private static final String[] NAMES = {"policy", "reference", "winRate"};

    public ResponseBatch {
        Vectors.requireSameLengthVectors("ResponseBatch", NAMES, policy, reference, winRate);
    }

    /** log(pi_theta(y|x) / pi_ref(y|x)) = policy - reference. */
    public NDArray logRatio() {
        return policy.sub(reference);
    }
}
