package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

class LlamaTest {

    @Test
    void logitsMatchNaiveTranscriptionOfHuggingFaceForward() {
        assertMatchesReference(TestModels.everyFeature());
    }

    @Test
    void tiedEmbeddingModelMatchesReferenceToo() {
        assertMatchesReference(TestModels.tiny());
    }

    @Test
    void randomInitialisationIsSeededAndFollowsTheLayout() {
        try (NDManager manager = NDManager.newBaseManager();
                Llama a = Llama.random(TestModels.tiny(), manager, 7);
                Llama b = Llama.random(TestModels.tiny(), manager, 7);
                Llama c = Llama.random(TestModels.tiny(), manager, 8)) {
            String q = "model.layers.1.self_attn.q_proj.weight";
            assertThat(a.weight(q).toFloatArray()).containsExactly(b.weight(q).toFloatArray());
            assertThat(a.weight(q).toFloatArray()).isNotEqualTo(c.weight(q).toFloatArray());
            assertThat(a.weight("model.norm.weight").toFloatArray()).containsOnly(1f);
            long expected = LlamaLayout.tensors(TestModels.tiny()).stream()
                    .mapToLong(LlamaLayout.TensorSpec::numel).sum();
            assertThat(a.parameterCount()).isEqualTo(expected);
        }
    }

    @Test
    void hiddenStatesAreTheFinalNormedBackboneOutput() {
        LlamaConfig config = TestModels.everyFeature();
        int[] ids = {1, 5, 9, 3, 17, 0, 22};
        try (NDManager manager = NDManager.newBaseManager(); Llama model = Llama.random(config, manager, 3)) {
            NDArray input = manager.create(java.util.Arrays.stream(ids).asLongStream().toArray()).expandDims(0);
            NDArray positions = manager.arange(0, ids.length, 1, ai.djl.ndarray.types.DataType.INT64).expandDims(0);
            float[] actual = model.hiddenStates(input, positions, AttentionMask.causal(manager, ids.length), null)
                    .toFloatArray();
            double[][] expected = new ReferenceLlama(config, name -> model.weight(name).toFloatArray())
                    .hiddenStates(ids);
            int width = config.hiddenSize();
            for (int t = 0; t < ids.length; t++) {
                for (int d = 0; d < width; d++) {
                    assertThat((double) actual[t * width + d]).as("hidden[%d][%d]", t, d)
                            .isCloseTo(expected[t][d], within(2e-4));
                }
            }
        }
    }

    private static void assertMatchesReference(LlamaConfig config) {
        int[] ids = {1, 5, 9, 3, 17, 0, 22, 8, 13, 2, 6, 11};
        try (NDManager manager = NDManager.newBaseManager(); Llama model = Llama.random(config, manager, 42)) {
            ReferenceAssertions.assertLogitsMatchReference(manager, model, ids, 2e-4);
        }
    }
}
