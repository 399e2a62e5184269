package dev.sppo.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.TestModels;
import dev.sppo.model.WeightPrecision;
import dev.sppo.scoring.SequenceScorer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

class SamplerTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {1, 5, 9}, new int[] {1, 7, 3, 12, 30, 4}, new int[] {1});
    private static final int EOS = 2;
    private static final int PAD = 0;

    private static NDManager manager;
    private static Llama model;
    private static Sampler sampler;
    /** A LoRA adapter on a bfloat16 base, whose products are computed in bfloat16. */
    private static Llama halfBase;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        model = Llama.random(TestModels.everyFeature(), manager, 3);
        sampler = new Sampler(model, List.of(EOS), PAD);
        LoraConfig lora = new LoraConfig(4, 8.0, 0.0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
        halfBase = new Llama(TestModels.everyFeature(), manager, LlamaWeights.adapted(TestModels.noisy(3),
                WeightPrecision.BFLOAT16, new LoraAdapter(lora, TestModels.noisy(4))));
    }

    @AfterAll
    static void tearDown() {
        model.close();
        halfBase.close();
        manager.close();
    }

    /**
     * A model and how closely its sampler's recorded log-probs follow the teacher-forced score: on a bfloat16 base a
     * product's last float32 bit can differ between the cached step and the whole-sequence pass and round to a
     * different bfloat16 value (measured up to 1.3e-3 here).
     */
    record Subject(Llama model, double logprobTolerance) {}

    static Stream<Named<Subject>> models() {
        return Stream.of(Named.of("float32", new Subject(model, 1e-4)),
                Named.of("LoRA on a bfloat16 base", new Subject(halfBase, 5e-3)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void greedyWithCacheProducesExactlyTheTokensOfGreedyWithout(Subject subject) {
        SamplerInvariants.assertCacheChangesNoGreedyToken(new Sampler(subject.model(), List.of(EOS), PAD), PROMPTS, 16);
    }

    @ParameterizedTest
    @MethodSource("models")
    void leftPaddingDoesNotChangeAnyRowsOutput(Subject subject) {
        SamplerInvariants.assertPaddingChangesNoRow(new Sampler(subject.model(), List.of(EOS), PAD), PROMPTS, 10);
    }

    @ParameterizedTest
    @MethodSource("models")
    void promptCacheForkedKWaysSamplesWhatPerRowPrefillSamples(Subject subject) {
        Sampler each = new Sampler(subject.model(), List.of(EOS), PAD);
        SamplerInvariants.assertSharedPrefixChangesNoSample(each, PROMPTS, new SamplingParams(12, 1.0, 0, 1.0, 4, 7));
        SamplerInvariants.assertSharedPrefixChangesNoSample(each, PROMPTS, new SamplingParams(12, 0.7, 5, 0.9, 3, 8));
    }

    @ParameterizedTest
    @MethodSource("models")
    void recordedLogprobEqualsTeacherForcedScoreEvenWhenTempered(Subject subject) {
        Sampler each = new Sampler(subject.model(), List.of(EOS), PAD);
        SequenceScorer scorer = new SequenceScorer(subject.model(), PAD);
        for (SamplingParams params : List.of(
                new SamplingParams(12, 1.0, 0, 1.0, 3, 11), new SamplingParams(12, 0.7, 5, 0.9, 3, 12))) {
            List<Sample> samples = each.sample(PROMPTS, params);
            List<int[]> prompts = samples.stream().map(s -> PROMPTS.get(s.promptIndex())).toList();
            double[] scored = scorer.score(prompts, samples.stream().map(Sample::tokenIds).toList(), 4);
            double[] withStop = scorer.score(prompts, samples.stream().map(Sample::responseWithStop).toList(), 4);
            for (int i = 0; i < samples.size(); i++) {
                assertThat(samples.get(i).logprob()).isCloseTo(scored[i], within(subject.logprobTolerance()));
                assertThat(samples.get(i).sequenceLogprob())
                        .isCloseTo(withStop[i], within(subject.logprobTolerance()));
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
