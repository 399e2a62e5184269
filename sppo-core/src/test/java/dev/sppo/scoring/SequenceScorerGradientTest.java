package dev.sppo.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.WeightPrecision;
import dev.sppo.model.TestModels;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Autograd through the whole model (embedding, RMSNorm, RoPE, GQA attention, SwiGLU, head, log-softmax) against
 * central finite differences of f(θ) = Σ_i log π_θ(y_i | x_i).
 */
class SequenceScorerGradientTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {1, 4, 9}, new int[] {1, 7});
    private static final List<int[]> RESPONSES = List.of(new int[] {5, 6, 2}, new int[] {11, 3, 8, 2});
    private static final String[] PROBED = {
        "model.layers.0.self_attn.q_proj.weight", "model.layers.1.self_attn.k_proj.weight",
        "model.layers.0.mlp.up_proj.weight", "model.layers.1.input_layernorm.weight", "model.norm.weight",
        "lm_head.weight", "model.layers.0.self_attn.v_proj.bias"
    };
    private static final String[] ADAPTER_PROBED = {
        "model.layers.0.self_attn.q_proj.lora_A.weight", "model.layers.0.self_attn.q_proj.lora_B.weight",
        "model.layers.1.self_attn.v_proj.lora_A.weight", "model.layers.0.mlp.down_proj.lora_B.weight",
        "model.layers.1.mlp.gate_proj.lora_A.weight"
    };

    @Test
    void autogradMatchesCentralFiniteDifferencesForEveryKindOfWeight() {
        try (NDManager manager = NDManager.newBaseManager(); Llama model = Llama.random(TestModels.everyFeature(), manager, 5)) {
            assertGradientsMatchFiniteDifferences(model, gradients(manager, model, PROBED));
        }
    }

    /**
     * The adapter's A and B on a base held in bfloat16: the base's products are rounded to bfloat16
     * (HalfPrecisionProductTest), which makes f(θ) step-shaped at the scale of a finite difference. So the
     * differences are taken on the same rounded weights held in float32, and the bfloat16 model's autograd
     * gradients must follow that model's within bfloat16's rounding.
     */
    @Test
    void loraAdapterGradientsMatchCentralFiniteDifferences() {
        LoraConfig lora = new LoraConfig(3, 6.0, 0.0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
        try (NDManager manager = NDManager.newBaseManager();
                Llama half = new Llama(TestModels.everyFeature(), manager, LlamaWeights.adapted(TestModels.noisy(5),
                        WeightPrecision.BFLOAT16, new LoraAdapter(lora, TestModels.noisy(6))));
                Llama widened = new Llama(TestModels.everyFeature(), manager, LlamaWeights.adapted(
                        spec -> half.weight(spec.name()).toType(DataType.FLOAT32, false).toFloatArray(),
                        WeightPrecision.FLOAT32, new LoraAdapter(lora, TestModels.noisy(6))))) {
            Map<String, float[]> expected = gradients(manager, widened, ADAPTER_PROBED);
            Map<String, float[]> actual = gradients(manager, half, ADAPTER_PROBED);
            for (String name : ADAPTER_PROBED) {
                float[] e = expected.get(name);
                float[] a = actual.get(name);
                for (int i = 0; i < e.length; i++) {
                    assertThat((double) a[i]).as(name + "[" + i + "] on the bfloat16 base")
                            .isCloseTo(e[i], within(3e-2 * Math.max(1, Math.abs(e[i]))));
                }
            }
            assertGradientsMatchFiniteDifferences(widened, expected);
        }
    }

    private static void assertGradientsMatchFiniteDifferences(Llama model, Map<String, float[]> gradients) {
        SequenceScorer scorer = new SequenceScorer(model, 0);
        for (String name : gradients.keySet()) {
            NDArray weight = model.weight(name);
            float[] grad = gradients.get(name);
            int index = argmaxAbs(grad);
            double numeric = centralDifference(scorer, weight, index, 1e-2f);
            assertThat((double) grad[index]).as(name + "[" + index + "]")
                    .isCloseTo(numeric, within(2e-2 * Math.max(1, Math.abs(numeric))));
        }
    }

    /** Autograd's ∂f/∂θ for each probed parameter: one backward pass, whose gradients stay accumulated. */
    private static Map<String, float[]> gradients(NDManager manager, Llama model, String[] probed) {
        SequenceScorer scorer = new SequenceScorer(model, 0);
        model.setTrainable(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(scorer.tokenLogProbs(manager, PROMPTS, RESPONSES).sequenceLogProbs().sum());
        }
        Map<String, float[]> gradients = new HashMap<>();
        for (String name : probed) {
            gradients.put(name, model.weight(name).getGradient().toFloatArray());
        }
        model.setTrainable(false);
        return gradients;
    }

    private static double centralDifference(SequenceScorer scorer, NDArray weight, int index, float h) {
        NDIndex at = new NDIndex(index);
        NDArray flat = weight.reshape(-1);
        float original = flat.get(at).getFloat();
        flat.set(at, original + h);
        double plus = total(scorer);
        flat.set(at, original - h);
        double minus = total(scorer);
        flat.set(at, original);
        return (plus - minus) / (2 * h);
    }

    private static double total(SequenceScorer scorer) {
        double sum = 0;
        for (double v : scorer.score(PROMPTS, RESPONSES, 2)) {
            sum += v;
        }
        return sum;
    }

    private static int argmaxAbs(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) > Math.abs(values[best])) {
                best = i;
            }
        }
        return best;
    }
}
