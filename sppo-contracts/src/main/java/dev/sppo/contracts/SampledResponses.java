package dev.sppo.contracts;

import java.util.List;

/**
 * A generator's K responses to one prompt.
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param request the request they answer (job, iteration, prompt, checkpoint, sampling, preference)
 * @param promptIds the prompt's token ids as the policy saw them
 * @param responses the K responses
 * @param generator the instance that produced them (host:port or a replica id), for load accounting
 */
public record SampledResponses(
        int version, GenerationRequest request, List<Integer> promptIds, List<GeneratedResponse> responses,
        String generator) {

    public SampledResponses {
        Require.version("SampledResponses", version);
        if (request == null) {
            throw new InvalidMessageException("SampledResponses.request: required, got null");
        }
        promptIds = Require.list("SampledResponses", "promptIds", promptIds);
        responses = Require.list("SampledResponses", "responses", responses);
        if (responses.size() != request.sampling().k()) {
            throw new InvalidMessageException("SampledResponses.responses: expected K = " + request.sampling().k()
                    + " responses, got " + responses.size());
        }
        Require.text("SampledResponses", "generator", generator);
    }
}
