package dev.sppo.generator;

import dev.sppo.contracts.GeneratedResponse;

import java.util.List;

/**
 * K responses to one prompt.
 *
 * @param promptIds the prompt's token ids as the policy saw them
 * @param responses the K responses, in sampling order
 */
record Generation(List<Integer> promptIds, List<GeneratedResponse> responses) {

    Generation {
        promptIds = List.copyOf(promptIds);
        responses = List.copyOf(responses);
    }

    /** Tokens generated over all responses, stop tokens included. */
    int tokenCount() {
        return responses.stream().mapToInt(r -> r.tokenIds().size()).sum();
    }
}
