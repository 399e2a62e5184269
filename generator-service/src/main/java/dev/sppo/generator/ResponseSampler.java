package dev.sppo.generator;

import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.model.Policy;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;

import java.util.ArrayList;
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

    /**
     * SPPO step 1 for several prompts in one batch, each seeded with its own seed as {@link #sample} seeds a lone
     * prompt, so each prompt gets the responses it would get alone (log-probs up to float rounding).
     *
     * @return one generation per prompt, in order
     */
    static List<Generation> sampleSeeded(Policy policy, List<int[]> prompts, List<Long> seeds, SamplingSpec spec) {
        Sampler sampler = new Sampler(policy.model(), policy.stopIds(), policy.padId());
        List<Sample> samples = sampler.sampleSeeded(prompts, seeds, params(spec));
        List<Generation> out = new ArrayList<>(prompts.size());
        for (int p = 0; p < prompts.size(); p++) {
            List<GeneratedResponse> responses = samples.subList(p * spec.k(), (p + 1) * spec.k()).stream()
                    .map(sample -> response(policy, sample)).toList();
            out.add(new Generation(boxed(prompts.get(p)), responses));
        }
        return out;
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
