package dev.sppo.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/** Properties every model's sampler must have, asserted for one sampler and a batch of prompts. */
final class SamplerInvariants {

    private SamplerInvariants() {}

    /** Greedy decoding with the KV cache yields exactly the tokens of recomputing the prefix every step. */
    static void assertCacheChangesNoGreedyToken(Sampler sampler, List<int[]> prompts, int maxNewTokens) {
        SamplingParams greedy = SamplingParams.greedy(maxNewTokens);
        List<Sample> cached = sampler.sample(prompts, greedy, Decoding.CACHED);
        List<Sample> uncached = sampler.sample(prompts, greedy, Decoding.RECOMPUTE);
        for (int i = 0; i < prompts.size(); i++) {
            assertThat(cached.get(i).tokenIds()).containsExactly(uncached.get(i).tokenIds());
            assertThat(cached.get(i).logprob()).isCloseTo(uncached.get(i).logprob(), within(1e-4));
        }
    }

    /** A prompt decoded greedily in a left-padded batch yields exactly the tokens it yields alone. */
    static void assertPaddingChangesNoRow(Sampler sampler, List<int[]> prompts, int maxNewTokens) {
        SamplingParams greedy = SamplingParams.greedy(maxNewTokens);
        List<Sample> batched = sampler.sample(prompts, greedy);
        for (int i = 0; i < prompts.size(); i++) {
            Sample alone = sampler.sample(List.of(prompts.get(i)), greedy).get(0);
            assertThat(batched.get(i).tokenIds()).containsExactly(alone.tokenIds());
            assertThat(batched.get(i).logprob()).isCloseTo(alone.logprob(), within(1e-4));
        }
    }

    /**
     * Sampling K responses per prompt from a prompt cache computed once and forked K ways gives the samples of
     * per-row prefill for the same seed: the same ids, the same log-probs up to float rounding.
     */
    static void assertSharedPrefixChangesNoSample(Sampler sampler, List<int[]> prompts, SamplingParams params) {
        List<Sample> shared = sampler.sample(prompts, params, Decoding.SHARED_PREFIX);
        List<Sample> perRow = sampler.sample(prompts, params, Decoding.CACHED);
        assertThat(shared).hasSize(prompts.size() * params.numSamples());
        for (int i = 0; i < shared.size(); i++) {
            assertThat(shared.get(i).promptIndex()).isEqualTo(perRow.get(i).promptIndex());
            assertThat(shared.get(i).tokenIds()).as("sample %d", i).containsExactly(perRow.get(i).tokenIds());
            assertThat(shared.get(i).sequenceLogprob()).as("sample %d", i)
                    .isCloseTo(perRow.get(i).sequenceLogprob(), within(1e-4));
        }
    }

    /** Compiled decode steps draw the samples of the eager steps: the same ids, log-probs up to float rounding. */
    static void assertCompiledStepsChangeNoSample(Sampler sampler, List<int[]> prompts, SamplingParams params) {
        List<Sample> compiled = sampler.sample(prompts, params, Decoding.COMPILED);
        List<Sample> eager = sampler.sample(prompts, params, Decoding.SHARED_PREFIX);
        for (int i = 0; i < eager.size(); i++) {
            assertThat(compiled.get(i).tokenIds()).as("sample %d", i).containsExactly(eager.get(i).tokenIds());
            assertThat(compiled.get(i).sequenceLogprob()).as("sample %d", i)
                    .isCloseTo(eager.get(i).sequenceLogprob(), within(1e-4));
        }
    }
}
