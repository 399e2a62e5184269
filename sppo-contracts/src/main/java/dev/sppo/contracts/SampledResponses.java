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
 * @param servedVersion the policy version the generator actually sampled from: the request's
 *     {@code policyVersion}, or the version the generator is pinned to; null from generators that predate it
 *     (read as the request's version)
 */
public record SampledResponses(
        int version, GenerationRequest request, List<Integer> promptIds, List<GeneratedResponse> responses,
        String generator, Integer servedVersion) {

    /** Responses sampled from exactly the version the request names. */
    public SampledResponses(int version, GenerationRequest request, List<Integer> promptIds,
            List<GeneratedResponse> responses, String generator) {
        this(version, request, promptIds, responses, generator, request == null ? null : request.policyVersion());
    }

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
        if (servedVersion != null) {
            Require.atLeast("SampledResponses", "servedVersion", servedVersion, 0);
        }
    }

    /** The version the responses came from: {@code servedVersion}, else the request's {@code policyVersion}. */
    public int effectiveVersion() {
        return servedVersion == null ? request.policyVersion() : servedVersion;
    }
}
