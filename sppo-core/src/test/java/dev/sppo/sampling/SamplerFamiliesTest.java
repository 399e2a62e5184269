package dev.sppo.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.TestModels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * The sampler's invariants for every model family; mistral's window (4) is shorter than the prompts and the
 * responses, so that the cache and the left padding are exercised beyond it.
 */
class SamplerFamiliesTest {

    private static final List<int[]> PROMPTS =
            List.of(new int[] {1, 5, 9}, new int[] {1, 7, 3, 12, 30, 4}, new int[] {1});
    private static final int EOS = 2;
    private static final int PAD = 0;

    static Stream<LlamaConfig> families() {
        return TestModels.families().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void greedyWithCacheProducesExactlyTheTokensOfGreedyWithout(LlamaConfig config) {
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = new Llama(config, manager, TestModels.noisy(11))) {
            SamplerInvariants.assertCacheChangesNoGreedyToken(new Sampler(model, List.of(EOS), PAD), PROMPTS, 12);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void leftPaddingDoesNotChangeAnyRowsOutput(LlamaConfig config) {
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = new Llama(config, manager, TestModels.noisy(12))) {
            SamplerInvariants.assertPaddingChangesNoRow(new Sampler(model, List.of(EOS), PAD), PROMPTS, 10);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void promptCacheForkedKWaysSamplesWhatPerRowPrefillSamples(LlamaConfig config) {
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = new Llama(config, manager, TestModels.noisy(14))) {
            SamplerInvariants.assertSharedPrefixChangesNoSample(new Sampler(model, List.of(EOS), PAD), PROMPTS,
                    new SamplingParams(12, 1.0, 0, 1.0, 3, 21));
        }
    }

    /** Mistral without a window is the plain layout with GQA, which decode steps compile for. */
    @Test
    void compiledDecodeStepsSampleWhatEagerStepsSample() {
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = new Llama(TestModels.mistral(null), manager, TestModels.noisy(15))) {
            Sampler sampler = new Sampler(model, List.of(EOS), PAD);
            SamplerInvariants.assertCompiledStepsChangeNoSample(sampler, PROMPTS, SamplingParams.greedy(12));
            SamplerInvariants.assertCompiledStepsChangeNoSample(sampler, PROMPTS,
                    new SamplingParams(12, 0.8, 0, 0.95, 3, 23));
        }
    }

    /** Both by eager steps: compiled ones (which llama would take) round attention differently in the last bits. */
    @Test
    void mistralWithAWindowAtLeastTheSequenceSamplesExactlyAsLlama() {
        LlamaConfig mistral = TestModels.mistral(PROMPTS.get(1).length + 10);
        try (NDManager manager = NDManager.newBaseManager();
                Llama windowed = new Llama(mistral, manager, TestModels.noisy(13));
                Llama llama = new Llama(TestModels.asLlama(mistral), manager,
                        spec -> windowed.weight(spec.name()).toFloatArray())) {
            SamplingParams params = new SamplingParams(10, 1.0, 0, 1.0, 2, 5);
            List<Sample> a = new Sampler(windowed, List.of(EOS), PAD).sample(PROMPTS, params, Decoding.SHARED_PREFIX);
            List<Sample> b = new Sampler(llama, List.of(EOS), PAD).sample(PROMPTS, params, Decoding.SHARED_PREFIX);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i).tokenIds()).containsExactly(b.get(i).tokenIds());
                assertThat(a.get(i).logprob()).isEqualTo(b.get(i).logprob());
            }
        }
    }
}
