package dev.sppo.contracts;

import java.util.List;

/**
 * One sampled response.
 *
 * @param text the decoded response (special tokens removed)
 * @param tokenIds the response ids, the stop token included when one was emitted
 * @param referenceLogprob log π_t(tokenIds | prompt) under the untempered model: the trainer's reference
 * @param stopped whether generation ended at a stop token (false: it hit the length limit)
 */
public record GeneratedResponse(String text, List<Integer> tokenIds, double referenceLogprob, boolean stopped) {

    public GeneratedResponse {
        if (text == null) {
            throw new InvalidMessageException("GeneratedResponse.text: required, got null");
        }
        tokenIds = Require.list("GeneratedResponse", "tokenIds", tokenIds);
        Require.finite("GeneratedResponse", "referenceLogprob", referenceLogprob);
    }
}
