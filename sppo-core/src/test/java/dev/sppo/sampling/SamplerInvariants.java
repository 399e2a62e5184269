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
        List<Sample> cached = sampler.sample(prompts, greedy, true);
        List<Sample> uncached = sampler.sample(prompts, greedy, false);
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
}
