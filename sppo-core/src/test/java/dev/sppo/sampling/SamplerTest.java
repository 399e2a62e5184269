package dev.sppo.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.TestModels;
import dev.sppo.scoring.SequenceScorer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

class SamplerTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {1, 5, 9}, new int[] {1, 7, 3, 12, 30, 4}, new int[] {1});
    private static final int EOS = 2;
    private static final int PAD = 0;

    private static NDManager manager;
    private static Llama model;
    private static Sampler sampler;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        model = Llama.random(TestModels.everyFeature(), manager, 3);
        sampler = new Sampler(model, List.of(EOS), PAD);
    }

    @AfterAll
    static void tearDown() {
        model.close();
        manager.close();
    }

    @Test
    void greedyWithCacheProducesExactlyTheTokensOfGreedyWithout() {
        SamplerInvariants.assertCacheChangesNoGreedyToken(sampler, PROMPTS, 16);
    }

    @Test
    void leftPaddingDoesNotChangeAnyRowsOutput() {
        SamplerInvariants.assertPaddingChangesNoRow(sampler, PROMPTS, 10);
    }

    @Test
    void promptCacheForkedKWaysSamplesWhatPerRowPrefillSamples() {
        SamplerInvariants.assertSharedPrefixChangesNoSample(sampler, PROMPTS, new SamplingParams(12, 1.0, 0, 1.0, 4, 7));
        SamplerInvariants.assertSharedPrefixChangesNoSample(sampler, PROMPTS, new SamplingParams(12, 0.7, 5, 0.9, 3, 8));
    }

    @Test
    void recordedLogprobEqualsTeacherForcedScoreEvenWhenTempered() {
        SequenceScorer scorer = new SequenceScorer(model, PAD);
        for (SamplingParams params : List.of(
                new SamplingParams(12, 1.0, 0, 1.0, 3, 11), new SamplingParams(12, 0.7, 5, 0.9, 3, 12))) {
            List<Sample> samples = sampler.sample(PROMPTS, params);
            List<int[]> prompts = samples.stream().map(s -> PROMPTS.get(s.promptIndex())).toList();
            double[] scored = scorer.score(prompts, samples.stream().map(Sample::tokenIds).toList(), 4);
            double[] withStop = scorer.score(prompts, samples.stream().map(Sample::responseWithStop).toList(), 4);
            for (int i = 0; i < samples.size(); i++) {
                assertThat(samples.get(i).logprob()).isCloseTo(scored[i], within(1e-4));
                assertThat(samples.get(i).sequenceLogprob()).isCloseTo(withStop[i], within(1e-4));
            }
        }
    }

    @Test
    void sameSeedReproducesSamplesAndAnotherSeedDoesNot() {
        SamplingParams params = new SamplingParams(12, 1.0, 0, 1.0, 4, 99);
        List<Sample> a = sampler.sample(PROMPTS, params);
        List<Sample> b = sampler.sample(PROMPTS, params);
        List<Sample> c = sampler.sample(PROMPTS, params.withSeed(100));
        assertThat(a).hasSize(PROMPTS.size() * 4);
        boolean anyDifferent = false;
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).tokenIds()).containsExactly(b.get(i).tokenIds());
            anyDifferent |= !java.util.Arrays.equals(a.get(i).tokenIds(), c.get(i).tokenIds());
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void aPromptSeededOnItsOwnSamplesInABatchWhatItSamplesAlone() {
        SamplingParams params = new SamplingParams(12, 0.7, 0, 0.9, 4, 0);
        List<Long> seeds = List.of(5L, 6L, 5L);
        List<Sample> batched = sampler.sampleSeeded(PROMPTS, seeds, params);
        for (int p = 0; p < PROMPTS.size(); p++) {
            List<Sample> alone = sampler.sample(List.of(PROMPTS.get(p)), params.withSeed(seeds.get(p)));
            for (int s = 0; s < 4; s++) {
                Sample inBatch = batched.get(p * 4 + s);
                assertThat(inBatch.promptIndex()).isEqualTo(p);
                assertThat(inBatch.responseWithStop()).as("prompt %d sample %d", p, s)
                        .containsExactly(alone.get(s).responseWithStop());
                assertThat(inBatch.sequenceLogprob()).as("prompt %d sample %d", p, s)
                        .isCloseTo(alone.get(s).sequenceLogprob(), within(1e-4));
            }
        }
    }

    @Test
    void aPromptsSamplesDependOnTheBatchsShapeOnlyNotOnItsNeighbours() {
        SamplingParams params = new SamplingParams(12, 0.7, 0, 0.9, 4, 0);
        int[] prompt = {1, 5, 9};
        List<Sample> first = sampler.sampleSeeded(List.of(prompt, new int[] {1, 7, 3}, new int[] {4, 5, 6}),
                List.of(5L, 6L, 7L), params);
        List<Sample> middle = sampler.sampleSeeded(List.of(new int[] {8, 8, 8}, prompt, new int[] {3, 3, 1}),
                List.of(9L, 5L, 1L), params);
        for (int s = 0; s < 4; s++) {
            assertThat(middle.get(4 + s).responseWithStop()).containsExactly(first.get(s).responseWithStop());
            assertThat(middle.get(4 + s).sequenceLogprob()).isEqualTo(first.get(s).sequenceLogprob());
        }
    }

    @Test
    void perPromptSeedsMustMatchThePrompts() {
        assertThatThrownBy(() -> sampler.sampleSeeded(PROMPTS, List.of(1L), SamplingParams.official(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seeds");
    }

    @Test
    void samplesAreGroupedKPerPromptAndRespectTheLengthLimit() {
        List<Sample> samples = sampler.sample(PROMPTS, new SamplingParams(5, 1.0, 0, 1.0, 2, 1));
        for (int i = 0; i < samples.size(); i++) {
            assertThat(samples.get(i).promptIndex()).isEqualTo(i / 2);
            assertThat(samples.get(i).sampleIndex()).isEqualTo(i % 2);
            assertThat(samples.get(i).tokenIds().length).isLessThanOrEqualTo(5);
            assertThat(samples.get(i).tokenIds()).doesNotContain(EOS);
        }
    }

    @Test
    void everyIdOfTheStopSetEndsAResponse() {
        SamplingParams greedy = SamplingParams.greedy(12);
        int[] unstopped = new Sampler(model, List.of(), PAD).sample(List.of(PROMPTS.get(1)), greedy).get(0).tokenIds();
        int endOfTurn = unstopped[3];
        int stop = IntStream.range(0, unstopped.length)
                .filter(i -> unstopped[i] == endOfTurn || unstopped[i] == EOS).findFirst().orElseThrow();

        Sample sample = new Sampler(model, List.of(EOS, endOfTurn), PAD).sample(List.of(PROMPTS.get(1)), greedy).get(0);

        assertThat(sample.tokenIds()).containsExactly(Arrays.copyOf(unstopped, stop));
        assertThat(sample.stoppedAtEos()).isTrue();
        assertThat(sample.stopId()).isEqualTo(unstopped[stop]);
        assertThat(sample.responseWithStop()).containsExactly(Arrays.copyOf(unstopped, stop + 1));
    }

    @Test
    void badPromptsAreRefusedWithTheirIndex() {
        assertThatThrownBy(() -> sampler.sample(List.of(new int[] {1}, new int[] {}), SamplingParams.greedy(2)))
                .hasMessageContaining("prompts[1]").hasMessageContaining("empty");
        assertThatThrownBy(() -> sampler.sample(List.of(new int[] {1, 999}), SamplingParams.greedy(2)))
                .hasMessageContaining("prompts[0]").hasMessageContaining("999");
    }
}
