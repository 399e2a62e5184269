package dev.sppo.generator;

import java.util.List;

/** The answer of {@code POST /generate}: the K responses in sampling order. */
record GenerateReply(List<Response> responses) {

    /**
     * @param text the decoded response
     * @param tokenIds its token ids, the stop token included when one was emitted
     * @param logprob log π(tokenIds | prompt) under the untempered model
     * @param stopped whether it ended at a stop token
     */
    record Response(String text, List<Integer> tokenIds, double logprob, boolean stopped) {}

    static GenerateReply of(Generation generation) {
        return new GenerateReply(generation.responses().stream()
                .map(r -> new Response(r.text(), r.tokenIds(), r.referenceLogprob(), r.stopped())).toList());
    }
}
