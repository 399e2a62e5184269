package dev.sppo.sampling;

import java.util.Arrays;

/**
 * One sampled response.
 *
 * @param promptIndex index of its prompt in the request
 * @param sampleIndex k in 0..K-1 among that prompt's responses
 * @param tokenIds the generated ids, the stop token excluded
 * @param logprob log π(tokenIds | prompt) under the untempered model, summed over tokenIds
 * @param stopLogprob log π(EOS | prompt, tokenIds) when generation stopped at EOS, else 0
 * @param stoppedAtEos whether the response ended with a stop token (false: it hit max_new_tokens)
 * @param stopId the stop token emitted, or -1
 */
public record Sample(
        int promptIndex, int sampleIndex, int[] tokenIds, double logprob, double stopLogprob, boolean stoppedAtEos,
        int stopId) {

    public Sample {
        tokenIds = tokenIds.clone();
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /** The response as the trainer sees it: the generated ids followed by the stop token, if any. */
    public int[] responseWithStop() {
        if (!stoppedAtEos) {
            return tokenIds.clone();
        }
        int[] ids = Arrays.copyOf(tokenIds, tokenIds.length + 1);
        ids[tokenIds.length] = stopId;
        return ids;
    }

    /** log π(responseWithStop | prompt): the reference log-prob the SPPO trainer needs. */
    public double sequenceLogprob() {
        return logprob + stopLogprob;
    }
}
