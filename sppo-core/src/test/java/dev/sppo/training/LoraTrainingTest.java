package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraLayout;
import dev.sppo.model.TestModels;
import dev.sppo.model.WeightPrecision;
import dev.sppo.scoring.SequenceScorer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

class LoraTrainingTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {1, 4, 9}, new int[] {1, 7});
    private static final List<int[]> RESPONSES = List.of(new int[] {5, 6, 2}, new int[] {11, 3, 8, 2});

    /**
     * Two AdamW steps on -Σ log π(y|x): the first moves only B (with B = 0 the gradient of A, s Bᵀ ∂L/∂y xᵀ, is
     * zero), the second A too; no base weight changes by a single bit, and only the adapter has gradients, so
     * only the adapter gets optimizer state.
     */
    @Test
    void aStepChangesOnlyTheAdapterAndOnlyTheAdapterHasGradients() {
        LoraConfig lora = LoraConfig.defaults();
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = new Llama(TestModels.everyFeature(), manager, LlamaWeights.adapted(TestModels.noisy(2),
                        WeightPrecision.FLOAT16, LoraAdapter.fresh(lora, 3)))) {
            Map<String, float[]> before = values(model);
            List<String> adapterNames = LoraLayout.tensors(model.config(), lora).stream()
                    .map(LlamaLayout.TensorSpec::name).toList();
            SequenceScorer scorer = new SequenceScorer(model, 0);
            OptimizerConfig optimizer = OptimizerConfig.builder().learningRate(1e-2).warmupRatio(0).build();
            ParameterUpdater updater = new ParameterUpdater(model.parameterList(), optimizer, 2);
            model.setTrainable(true);
            updater.step(() -> scorer.tokenLogProbs(manager, PROMPTS, RESPONSES).sequenceLogProbs().sum().neg());
            Map<String, float[]> afterOne = values(model);
            assertThat(model.parameterList().stream().filter(Gradients::present).map(Parameter::getName).toList())
                    .containsExactlyElementsOf(adapterNames);
            updater.step(() -> scorer.tokenLogProbs(manager, PROMPTS, RESPONSES).sequenceLogProbs().sum().neg());
            model.setTrainable(false);
            Map<String, float[]> afterTwo = values(model);
            for (String name : before.keySet()) {
                boolean adapter = adapterNames.contains(name);
                if (!adapter) {
                    assertThat(afterTwo.get(name)).as(name).containsExactly(before.get(name));
                } else if (name.endsWith(LoraLayout.A_SUFFIX)) {
                    assertThat(afterOne.get(name)).as(name + " after one step").containsExactly(before.get(name));
                    assertThat(afterTwo.get(name)).as(name + " after two steps").isNotEqualTo(before.get(name));
                } else {
                    assertThat(afterOne.get(name)).as(name + " after one step").isNotEqualTo(before.get(name));
                }
            }
        }
    }

    private static Map<String, float[]> values(Llama model) {
        Map<String, float[]> values = new HashMap<>();
        for (Parameter p : model.parameterList()) {
            values.put(p.getName(), p.getArray().toType(ai.djl.ndarray.types.DataType.FLOAT32, true).toFloatArray());
        }
        return values;
    }
}
