package dev.sppo.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.sppo.loss.LossType;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.preference.JudgePreferenceModel;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.task.Prompt;
import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One policy update of a random tiny policy on its own sampled responses, judged by length: 6 prompts × K = 4
 * responses, trained with {@code sppo_all} (every response a row) in batches of 5 for 2 epochs.
 */
class PolicyUpdateTest {

    private static final CharTokenizer TOKENIZER = new CharTokenizer("0123456789+=");
    private static final List<Prompt> PROMPTS = List.of(Prompt.of("toy", "1+2=", "3"), Prompt.of("toy", "12+3=", "15"),
            Prompt.of("toy", "7+45=", "52"), Prompt.of("toy", "9+9=", "18"), Prompt.of("toy", "30+4=", "34"),
            Prompt.of("toy", "5+61=", "66"));
    private static final int K = 4;
    private static final PreferenceTrainingConfig TRAINING = new PreferenceTrainingConfig(LossType.SPPO_ALL, 0.1, 2, 5,
            PreferenceTrainingConfig.WHOLE_BATCH, OptimizerConfig.builder().learningRate(1e-2).build(), 7);

    private NDManager manager;

    @BeforeEach
    void manager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theTrainerAnnouncesItsStepCountThenReportsEveryStep() {
        Policy policy = policy();
        PolicyUpdate update = new PolicyUpdate(TRAINING, ReferenceMode.RECORDED);
        List<Integer> announced = new ArrayList<>();
        List<TrainingStep> steps = new ArrayList<>();

        PolicyUpdate.Result result = update.train(policy, update.select(outcomes(policy)), 0, new StepListener() {
            @Override
            public void starting(int count) {
                announced.add(count);
            }

            @Override
            public void stepped(TrainingStep step) {
                steps.add(step);
            }
        });

        assertThat(result.data().rows()).as("sppo_all trains on every response").hasSize(PROMPTS.size() * K);
        assertThat(announced).as("2 epochs of ceil(24 / 5) steps").containsExactly(10);
        assertThat(steps).hasSize(10);
        assertThat(steps).extracting(step -> step.result().step()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(steps).allSatisfy(step -> assertThat(step.tokens()).isPositive());
        double lossSum = 0;
        for (TrainingStep step : steps) {
            lossSum += step.result().loss();
        }
        assertThat(result.summary().steps()).isEqualTo(10);
        assertThat(result.summary().loss()).as("the mean of the reported steps' losses").isEqualTo(lossSum / 10);
    }

    @Test
    void theIterationSeedsTheShuffleSoThatARerunOfAnIterationIsIdentical() {
        Policy sampler = policy();
        List<PromptOutcome> outcomes = outcomes(sampler);

        byte[] first = updated(outcomes, ReferenceMode.RECOMPUTE, 1);

        assertThat(updated(outcomes, ReferenceMode.RECOMPUTE, 1)).isEqualTo(first);
        assertThat(updated(outcomes, ReferenceMode.RECOMPUTE, 2)).isNotEqualTo(first);
    }

    private byte[] updated(List<PromptOutcome> outcomes, ReferenceMode reference, int t) {
        Policy policy = policy();
        PolicyUpdate update = new PolicyUpdate(TRAINING, reference);
        update.train(policy, update.select(outcomes), t, step -> { });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Parameter parameter : policy.model().parameterList()) {
            bytes.writeBytes(parameter.getArray().toByteArray());
        }
        return bytes.toByteArray();
    }

    /** The prompts' K samples, preferred the longer the better, as the loop's prefer phase builds them. */
    private static List<PromptOutcome> outcomes(Policy policy) {
        List<List<Sample>> samples = BatchedSampling.sample(policy, PROMPTS.stream().map(Prompt::text).toList(),
                new SamplingParams(6, 1.0, 0, 1.0, K, 5), done -> { });
        JudgePreferenceModel byLength = new JudgePreferenceModel((prompt, response) -> response.length() / 6.0, 0.1);
        List<PromptOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < PROMPTS.size(); i++) {
            Prompt prompt = PROMPTS.get(i);
            List<String> texts = samples.get(i).stream().map(s -> TOKENIZER.decode(s.tokenIds())).toList();
            outcomes.add(new PromptOutcome(prompt.id(), TOKENIZER.encodePrompt(prompt.text()), samples.get(i),
                    byLength.compare(prompt.text(), texts)));
        }
        return outcomes;
    }

    private Policy policy() {
        LlamaConfig config = LlamaConfig.builder().vocabularyOf(TOKENIZER).hiddenSize(32).numHiddenLayers(2)
                .numAttentionHeads(4).build();
        return new Policy(Llama.random(config, manager, 3), TOKENIZER);
    }
}
