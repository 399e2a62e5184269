package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

class LoraTest {

    private static final int[] IDS = {1, 5, 9, 3, 17, 0, 22, 8, 13, 2, 6, 11};
    private static final LoraConfig SOME_TARGETS_RSLORA =
            new LoraConfig(3, 5.0, 0.0, LoraTargets.named(List.of("q_proj", "o_proj", "down_proj")), true);

    @Test
    void freshAdapterLeavesTheModelExactlyEqualToItsBase() {
        LlamaConfig config = TestModels.everyFeature();
        try (NDManager manager = NDManager.newBaseManager();
                Llama base = new Llama(config, manager, TestModels.noisy(3));
                Llama adapted = new Llama(config, manager, LlamaWeights.adapted(TestModels.noisy(3),
                        WeightPrecision.FLOAT32, LoraAdapter.fresh(LoraConfig.defaults(), 9)))) {
            assertThat(logits(manager, adapted)).containsExactly(logits(manager, base));
            assertThat(adapted.weight("model.layers.1.mlp.up_proj.lora_B.weight").toFloatArray()).containsOnly(0f);
            float[] a = adapted.weight("model.layers.1.mlp.up_proj.lora_A.weight").toFloatArray();
            float bound = (float) (1 / Math.sqrt(config.hiddenSize()));
            for (float v : a) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
            }
            assertThat(a).isNotEqualTo(new float[a.length]);
        }
    }

    @Test
    void forwardIsBasePlusAlphaOverRTimesBAxAgainstANaiveReference() {
        LoraConfig lora = new LoraConfig(4, 8.0, 0.0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
        assertAdaptedMatchesNaiveReference(TestModels.everyFeature(), lora, 2.0);
    }

    @Test
    void rsLoraScalesByAlphaOverRootRAndOnlyTargetedModulesChange() {
        assertAdaptedMatchesNaiveReference(TestModels.qwen3(true), SOME_TARGETS_RSLORA, 5.0 / Math.sqrt(3));
    }

    @Test
    void mergedWeightsComputeWhatTheAdaptedModelComputes() {
        LlamaConfig config = TestModels.qwen2();
        try (NDManager manager = NDManager.newBaseManager(); Llama adapted = noisyAdapted(config, SOME_TARGETS_RSLORA, manager);
                Llama merged = new Llama(config, manager, spec -> adapted.mergedValues(spec.name()))) {
            assertClose(logits(manager, merged), logits(manager, adapted), 1e-5);
        }
    }

    @Test
    void mergingIntoTheBaseKeepsTheFunctionAndRestartsTheAdapter() {
        LlamaConfig config = TestModels.everyFeature();
        try (NDManager manager = NDManager.newBaseManager(); Llama model = noisyAdapted(config, SOME_TARGETS_RSLORA, manager)) {
            float[] before = logits(manager, model);
            String q = "model.layers.0.self_attn.q_proj";
            float[] expectedQ = model.mergedValues(q + ".weight");
            model.mergeAdapter(LoraAdapter.fresh(SOME_TARGETS_RSLORA, 4).weights());
            assertClose(logits(manager, model), before, 1e-5);
            assertThat(model.weight(q + ".weight").toFloatArray()).containsExactly(expectedQ);
            assertThat(model.weight(q + LoraLayout.B_SUFFIX).toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void replacingTheAdapterGivesTheModelBuiltWithTheNewOneAndRefusesOtherSettings() {
        LlamaConfig config = TestModels.everyFeature();
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = noisyAdapted(config, SOME_TARGETS_RSLORA, manager);
                Llama expected = new Llama(config, manager, LlamaWeights.adapted(TestModels.noisy(3),
                        WeightPrecision.FLOAT32, new LoraAdapter(SOME_TARGETS_RSLORA, TestModels.noisy(11))))) {
            String q = "model.layers.0.self_attn.q_proj.weight";
            float[] baseQ = model.weight(q).toFloatArray();

            model.replaceAdapter(new LoraAdapter(SOME_TARGETS_RSLORA, TestModels.noisy(11)));

            assertThat(logits(manager, model)).containsExactly(logits(manager, expected));
            assertThat(model.weight(q).toFloatArray()).as("the base weight, untouched").containsExactly(baseQ);
            LoraConfig otherRank = new LoraConfig(2, 5.0, 0.0, SOME_TARGETS_RSLORA.targets(), true);
            assertThatThrownBy(() -> model.replaceAdapter(LoraAdapter.fresh(otherRank, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r=2");
        }
    }

    /**
     * The base's products are computed in its precision (inputs and sums rounded, see HalfPrecisionProductTest), so
     * the logits differ from a float32 model with the same rounded weights by that rounding: measured 0.046
     * (bfloat16) and 0.0071 (float16) at most here, about 2⁻⁸ and 2⁻¹¹ of their size.
     */
    @Test
    void halfPrecisionBaseHoldsRoundedWeightsAndComputesCloseToThemWidened() {
        LlamaConfig config = TestModels.everyFeature();
        for (WeightPrecision precision : List.of(WeightPrecision.BFLOAT16, WeightPrecision.FLOAT16)) {
            try (NDManager manager = NDManager.newBaseManager();
                    Llama half = new Llama(config, manager, LlamaWeights.adapted(TestModels.noisy(3), precision,
                            new LoraAdapter(SOME_TARGETS_RSLORA, TestModels.noisy(8))));
                    Llama widened = new Llama(config, manager, LlamaWeights.adapted(
                            spec -> half.weight(spec.name()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                                    .toFloatArray(),
                            WeightPrecision.FLOAT32, new LoraAdapter(SOME_TARGETS_RSLORA, TestModels.noisy(8))))) {
                float[] embedding = widened.weight("model.embed_tokens.weight").toFloatArray();
                for (float v : embedding) {
                    int droppedBits = precision == WeightPrecision.BFLOAT16 ? 16 : 13;
                    assertThat(Float.floatToRawIntBits(v) & ((1 << droppedBits) - 1)).as("%s holds %s", precision, v)
                            .isZero();
                }
                assertThat(half.weight("model.layers.0.self_attn.q_proj.lora_A.weight").getDataType())
                        .isEqualTo(ai.djl.ndarray.types.DataType.FLOAT32);
                assertClose(logits(manager, half), logits(manager, widened),
                        precision == WeightPrecision.BFLOAT16 ? 0.1 : 0.02);
            }
        }
    }

    @Test
    void aHalfPrecisionBaseWithoutAdapterRunsButRefusesToTrain() {
        try (NDManager manager = NDManager.newBaseManager();
                Llama frozen = new Llama(TestModels.tiny(), manager,
                        new LlamaWeights(TestModels.noisy(1), WeightPrecision.BFLOAT16, null))) {
            assertThat(logits(manager, frozen)).hasSize(IDS.length * TestModels.tiny().vocabSize());
            assertThatThrownBy(() -> frozen.setTrainable(true))
                    .hasMessageContaining("base.dtype").hasMessageContaining("LoRA");
        }
    }

    @Test
    void dropoutActsOnTheAdapterInputOnlyWhileTheAdapterTrains() {
        LoraConfig lora = new LoraConfig(4, 8, 0.5, LoraTargets.named(List.of("q_proj", "up_proj")), false);
        try (NDManager manager = NDManager.newBaseManager(); Llama model = noisyAdapted(TestModels.tiny(), lora, manager)) {
            float[] frozen = logits(manager, model);
            assertThat(logits(manager, model)).containsExactly(frozen);
            model.setTrainable(true);
            float[] first = logits(manager, model);
            float[] second = logits(manager, model);
            model.setTrainable(false);
            assertThat(first).isNotEqualTo(frozen).isNotEqualTo(second);
            assertThat(logits(manager, model)).containsExactly(frozen);
        }
    }

    @Test
    void targetsMatchAsPeftDoesAndANameMatchingNothingIsRefused() {
        LlamaConfig config = TestModels.tiny();
        assertThat(LoraLayout.modules(config, LoraTargets.named(List.of("v_proj"))))
                .extracting(LoraLayout.Module::path)
                .containsExactly("model.layers.0.self_attn.v_proj", "model.layers.1.self_attn.v_proj");
        assertThat(LoraLayout.modules(config, LoraTargets.fromString(".*\\.1\\.mlp\\.(up|down)_proj")))
                .extracting(LoraLayout.Module::path)
                .containsExactly("model.layers.1.mlp.up_proj", "model.layers.1.mlp.down_proj");
        assertThat(LoraLayout.modules(config, LoraTargets.fromString("all-linear"))).hasSize(14);
        assertThat(LoraLayout.modules(config, LoraTargets.named(List.of("model.layers.0.mlp.gate_proj"))))
                .hasSize(1);
        assertThatThrownBy(() -> LoraLayout.modules(config, LoraTargets.named(List.of("q_proj", "c_attn"))))
                .hasMessageContaining("target_modules: 'c_attn' matches no projection");
        assertThat(LoraLayout.tensors(config, new LoraConfig(5, 1, 0, LoraTargets.named(List.of("o_proj")), false)))
                .extracting(s -> s.name() + Arrays.toString(s.shape()))
                .containsExactly("model.layers.0.self_attn.o_proj.lora_A.weight[5, 32]",
                        "model.layers.0.self_attn.o_proj.lora_B.weight[32, 5]",
                        "model.layers.1.self_attn.o_proj.lora_A.weight[5, 32]",
                        "model.layers.1.self_attn.o_proj.lora_B.weight[32, 5]");
    }

    private static void assertAdaptedMatchesNaiveReference(LlamaConfig config, LoraConfig lora, double scaling) {
        assertThat(lora.scaling()).isCloseTo(scaling, within(1e-12));
        try (NDManager manager = NDManager.newBaseManager(); Llama model = noisyAdapted(config, lora, manager)) {
            Map<String, float[]> weights = new HashMap<>();
            Function<String, float[]> stored = name -> model.weight(name).toFloatArray();
            LlamaLayout.tensors(config).forEach(spec -> weights.put(spec.name(), stored.apply(spec.name())));
            List<String> targeted = LoraLayout.modules(config, lora.targets()).stream()
                    .map(LoraLayout.Module::path).toList();
            for (String module : targeted) {
                weights.put(module + ".weight", NaiveLora.merge(stored.apply(module + ".weight"),
                        stored.apply(module + LoraLayout.A_SUFFIX), stored.apply(module + LoraLayout.B_SUFFIX), lora.r(),
                        scaling));
            }
            double[][] expected = new ReferenceLlama(config, weights::get).logits(IDS);
            float[] actual = logits(manager, model);
            int vocab = config.vocabSize();
            for (int t = 0; t < IDS.length; t++) {
                for (int v = 0; v < vocab; v++) {
                    assertThat((double) actual[t * vocab + v]).as("logit[%d][%d]", t, v)
                            .isCloseTo(expected[t][v], within(2e-4));
                }
            }
            try (Llama base = new Llama(config, manager, spec -> stored.apply(spec.name()))) {
                assertThat(logits(manager, base)).as("the base's logits").isNotEqualTo(actual);
            }
        }
    }

    /** A base with noisy weights and an adapter whose A and B are both non-zero. */
    private static Llama noisyAdapted(LlamaConfig config, LoraConfig lora, NDManager manager) {
        return new Llama(config, manager, LlamaWeights.adapted(TestModels.noisy(3), WeightPrecision.FLOAT32,
                new LoraAdapter(lora, TestModels.noisy(8))));
    }

    private static float[] logits(NDManager manager, Llama model) {
        NDArray input = manager.create(Arrays.stream(IDS).asLongStream().toArray()).expandDims(0);
        return model.forward(input).toFloatArray();
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("logit %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
