package dev.sppo.generator;

import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.model.Policy;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;

import java.util.Arrays;
import java.util.List;

/**
 * SPPO step 1 for one prompt x: samples y_1..y_K ~ π_t(·|x) and records, for each, the reference log-prob
 * log π_t(y_k|x) under the untempered model, summed over the response tokens including the stop token
 * ({@link Sample#sequenceLogprob()} over {@link Sample#responseWithStop()}).
 */
final class ResponseSampler {

    private ResponseSampler() {}

    static Generation sample(Policy policy, PromptInput prompt, SamplingSpec spec) {
        int[] promptIds = prompt.idsFor(policy);
        Sampler sampler = new Sampler(policy.model(), policy.stopIds(), policy.padId());
        List<GeneratedResponse> responses = sampler.sample(List.of(promptIds), params(spec)).stream()
                .map(sample -> response(policy, sample)).toList();
        return new Generation(boxed(promptIds), responses);
    }

    /** The contract's {@link SamplingSpec} as the sampler's parameters: numSamples = k, the same seed. */
    static SamplingParams params(SamplingSpec spec) {
        return new SamplingParams(spec.maxNewTokens(), spec.temperature(), spec.topK(), spec.topP(), spec.k(),
                spec.seed());
    }

    private static GeneratedResponse response(Policy policy, Sample sample) {
        int[] tokenIds = sample.responseWithStop();
        return new GeneratedResponse(policy.tokenizer().decode(tokenIds), boxed(tokenIds), sample.sequenceLogprob(),
                sample.stoppedAtEos());
    }

    private static List<Integer> boxed(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
