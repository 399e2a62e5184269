package dev.sppo.generator;

import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.model.Policy;

import java.util.List;

/**
 * What a policy is conditioned on: the token ids a request carries (a prompt the trainer rendered with the
 * model's chat template, or cut to the job's length limit), else the text encoded with the policy's tokenizer.
 *
 * @param text the prompt text
 * @param ids the given ids, or null to encode {@code text}
 */
record PromptInput(String text, List<Integer> ids) {

    static PromptInput of(GenerationRequest request) {
        return new PromptInput(request.prompt(), request.promptIds());
    }

    static PromptInput text(String text) {
        return new PromptInput(text, null);
    }

    /**
     * @throws InvalidMessageException when a given id lies outside the policy's vocabulary (a request rendered for
     *     another model)
     */
    int[] idsFor(Policy policy) {
        if (ids == null) {
            return policy.tokenizer().encodePrompt(text);
        }
        int vocabulary = policy.config().vocabSize();
        return ids.stream().mapToInt(id -> {
            if (id >= vocabulary) {
                throw new InvalidMessageException("GenerationRequest", "promptIds", "token id " + id
                        + " is outside the policy's vocabulary of " + vocabulary);
            }
            return id;
        }).toArray();
    }
}
