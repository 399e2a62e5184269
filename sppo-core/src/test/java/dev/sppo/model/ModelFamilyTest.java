package dev.sppo.model;

import static dev.sppo.model.ReferenceAssertions.assertLogitsMatchReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

class ModelFamilyTest {

    private static final int[] IDS = {1, 5, 9, 3, 17, 0, 22, 8, 13, 2, 6, 11};
    private static final double TOLERANCE = 1e-4;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void mistralLogitsMatchTheReferenceWhenTheSequenceExceedsTheWindow() {
        try (Llama model = new Llama(TestModels.mistral(4), manager, TestModels.noisy(1))) {
            assertLogitsMatchReference(manager, model, IDS, TOLERANCE);
        }
    }

    @Test
    void qwen2LogitsMatchTheReferenceWithBiasedQueryKeyAndValue() {
        try (Llama model = new Llama(TestModels.qwen2(), manager, TestModels.noisy(2))) {
            assertThat(model.weight("model.layers.0.self_attn.k_proj.bias").getShape()).isEqualTo(new Shape(16));
            assertLogitsMatchReference(manager, model, IDS, TOLERANCE);
        }
    }

    @Test
    void qwen3LogitsMatchTheReferenceWithHeadNormsAndAHeadDimOfItsOwn() {
        try (Llama model = new Llama(TestModels.qwen3(false), manager, TestModels.noisy(3))) {
            assertThat(model.weight("model.layers.1.self_attn.o_proj.weight").getShape()).isEqualTo(new Shape(32, 64));
            assertLogitsMatchReference(manager, model, IDS, TOLERANCE);
        }
    }

    @Test
    void qwen3WithAttentionBiasMatchesTheReference() {
        try (Llama model = new Llama(TestModels.qwen3(true), manager, TestModels.noisy(4))) {
            assertThat(model.weight("model.layers.0.self_attn.o_proj.bias").getShape()).isEqualTo(new Shape(32));
            assertLogitsMatchReference(manager, model, IDS, TOLERANCE);
        }
    }

    @Test
    void qwen3WithUnitHeadNormsMatchesTheReference() {
        try (Llama model = Llama.random(TestModels.qwen3(false), manager, 5)) {
            assertThat(model.weight("model.layers.0.self_attn.q_norm.weight").toFloatArray()).containsOnly(1f);
            assertLogitsMatchReference(manager, model, IDS, TOLERANCE);
        }
    }

    @Test
    void qwen2WithZeroBiasesGivesBitIdenticalLogitsToLlama() {
        WeightSource noisy = TestModels.noisy(6);
        WeightSource zeroBiases = spec -> spec.init() == LlamaLayout.Init.ZEROS
                ? new float[Math.toIntExact(spec.numel())] : noisy.values(spec);
        try (Llama qwen = new Llama(TestModels.qwen2(), manager, zeroBiases);
                Llama llama = new Llama(TestModels.asLlama(TestModels.qwen2()), manager, sameWeights(qwen))) {
            assertThat(llama.parameterCount()).isLessThan(qwen.parameterCount());
            assertThat(logits(qwen, IDS)).containsExactly(logits(llama, IDS));
        }
    }

    @Test
    void mistralWithAWindowAtLeastTheSequenceGivesBitIdenticalLogitsToLlama() {
        try (Llama mistral = new Llama(TestModels.mistral(IDS.length), manager, TestModels.noisy(7));
                Llama llama = new Llama(TestModels.asLlama(mistral.config()), manager, sameWeights(mistral))) {
            assertThat(logits(mistral, IDS)).containsExactly(logits(llama, IDS));
        }
    }

    @Test
    void theWindowChangesNoLogitBeforeItIsExceededAndEveryOneAfter() {
        int window = 5;
        try (Llama mistral = new Llama(TestModels.mistral(window), manager, TestModels.noisy(8));
                Llama llama = new Llama(TestModels.asLlama(mistral.config()), manager, sameWeights(mistral))) {
            float[] windowed = logits(mistral, IDS);
            float[] full = logits(llama, IDS);
            int vocab = mistral.config().vocabSize();
            for (int t = 0; t < IDS.length; t++) {
                float[] a = Arrays.copyOfRange(windowed, t * vocab, (t + 1) * vocab);
                float[] b = Arrays.copyOfRange(full, t * vocab, (t + 1) * vocab);
                if (t < window) {
                    assertThat(a).as("position %d", t).containsExactly(b);
                } else {
                    assertThat(a).as("position %d", t).isNotEqualTo(b);
                }
            }
        }
    }

    @Test
    void cachedPrefillAndDecodingKeepTheWindowOfTheFullForward() {
        int window = 4;
        int prefill = 6;
        try (Llama model = new Llama(TestModels.mistral(window), manager, TestModels.noisy(9));
                KvCache cache = new KvCache(model.config().numHiddenLayers(), IDS.length)) {
            int vocab = model.config().vocabSize();
            float[] full = logits(model, IDS);
            float[] first = model.forward(ids(0, prefill), positions(0, prefill),
                    AttentionMask.causal(manager, prefill), cache).toFloatArray();
            assertClose(first, Arrays.copyOfRange(full, 0, prefill * vocab));
            for (int t = prefill; t < IDS.length; t++) {
                NDArray noBias = manager.zeros(new Shape(1, 1, 1, t + 1));
                float[] step = model.forward(ids(t, t + 1), positions(t, t + 1), noBias, cache).toFloatArray();
                assertClose(step, Arrays.copyOfRange(full, t * vocab, (t + 1) * vocab));
            }
            assertThat(cache.length()).isEqualTo(IDS.length);
        }
    }

    @Test
    void slidingWindowBiasBlocksKeysAtLeastTheWindowBehindTheQuery() {
        float b = AttentionMask.BLOCKED;
        float[] bias = AttentionMask.slidingWindow(manager, 2, 3, 2).toFloatArray();
        assertThat(bias).containsExactly(
                b, 0, 0, 0, 0,
                b, b, 0, 0, 0,
                b, b, b, 0, 0);
    }

    private static WeightSource sameWeights(Llama model) {
        return spec -> model.weight(spec.name()).toFloatArray();
    }

    private float[] logits(Llama model, int[] tokens) {
        return model.forward(manager.create(Arrays.stream(tokens).asLongStream().toArray()).expandDims(0))
                .toFloatArray();
    }

    private NDArray ids(int from, int to) {
        return manager.create(Arrays.stream(IDS, from, to).asLongStream().toArray()).expandDims(0);
    }

    private NDArray positions(int from, int to) {
        return manager.arange(from, to, 1, DataType.INT64).expandDims(0);
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within(1e-5f));
        }
    }
}
