package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.preference.TaskSettings;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class PreferenceSectionTest {

    private static final TaskSettings ADDITION = new TaskSettings("addition", Map.of("min_digits", 1,
            "max_digits", 2));

    @Test
    void theDefaultIsTheRunTasksGoldJudge() {
        assertThat(new SppoConfigReader().defaults().preference())
                .isEqualTo(PreferenceModelSpec.goldJudge(ADDITION, 0.1));
        assertThat(read(Map.of("task", Map.of("name", "sorting"))).preference())
                .isEqualTo(PreferenceModelSpec.goldJudge(new TaskSettings("sorting", Map.of("min_length", 3,
                        "max_length", 5, "digits", 10)), 0.1));
    }

    @Test
    void everySpecCarriesTheRunsTaskWithAllItsSettings() {
        PreferenceModelSpec spec = read(Map.of("task", Map.of("name", "addition", "max_digits", 3),
                "preference", Map.of("kind", "ensemble", "members", List.of(
                        Map.of("spec", Map.of("kind", "gold_judge")))))).preference();

        TaskSettings configured = new TaskSettings("addition", Map.of("min_digits", 1, "max_digits", 3));
        assertThat(spec.task()).isEqualTo(configured);
        assertThat(spec.goldTasks()).containsExactly(configured);
    }

    @Test
    void aMissingTauIsTheKindsOwn() {
        assertThat(read(Map.of()).preference().tau()).isEqualTo(0.1);
        assertThat(read(Map.of("preference", Map.of("kind", "reward_model", "model_uri", "runs/rm")))
                .preference().tau()).isEqualTo(1.0);
        assertThat(read(Map.of("preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "reward_model", "model_uri", "runs/rm")),
                Map.of("spec", Map.of("kind", "ranker", "model_uri", "runs/ranker")))))).preference().members())
                .extracting(member -> member.spec().tau()).containsExactly(1.0, 0.0);
        assertThat(read(Map.of("preference", Map.of("kind", "reward_model", "model_uri", "runs/rm", "tau", 0.5)))
                .preference().tau()).isEqualTo(0.5);
    }

    @Test
    void vaderSentimentNeedsNoModelAndReadsAtItsOwnTau() {
        SppoConfig config = read(Map.of("preference", Map.of("kind", "vader_sentiment"),
                "evaluation", Map.of("judge", Map.of("kind", "vader_sentiment", "tau", 0.5))));

        assertThat(config.preference().kind()).isEqualTo(PreferenceKind.VADER_SENTIMENT);
        assertThat(config.preference().tau()).isEqualTo(0.2);
        assertThat(config.evaluationJudge()).hasValueSatisfying(judge -> assertThat(judge.tau()).isEqualTo(0.5));
        assertThatThrownBy(() -> read(Map.of("evaluation", Map.of("judge", Map.of("kind", "vader_sentiment",
                "tau", 0))))).hasMessageStartingWith("evaluation.judge.tau: ");
    }

    @Test
    void anLlmJudgeIsANameOrItsSettingsInlineAtTheirPath() {
        assertThat(read(Map.of("preference", Map.of("kind", "llm_judge", "judge", "local"))).preference().judge())
                .isEqualTo(LlmJudgeSpec.named("local"));
        Map<String, Object> endpoint = Map.of("base_url", "http://localhost:11434/v1", "model", "llama3.2");
        PreferenceModelSpec spec = read(Map.of("preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "llm_judge", "judge", endpoint)))))).preference();

        LlmJudgeSpec inline = spec.members().get(0).spec().judge();
        assertThat(inline.isInline()).isTrue();
        assertThat(inline).isEqualTo(LlmJudgeSpec.inline("preference.members[0].spec.judge", endpoint));
    }

    @Test
    void learnedModelsAndEnsemblesAreReadWithTheirFields() {
        PreferenceModelSpec spec = read(Map.of("preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "gold_judge", "tau", 0.2), "weight", 0.25),
                Map.of("spec", Map.of("kind", "ranker", "model_uri", "runs/ranker"), "weight", 0.75))))).preference();

        assertThat(spec.kind()).isEqualTo(PreferenceKind.ENSEMBLE);
        assertThat(spec.members()).extracting(PreferenceModelSpec.Member::weight).containsExactly(0.25, 0.75);
        assertThat(spec.members().get(0).spec()).isEqualTo(PreferenceModelSpec.goldJudge(ADDITION, 0.2));
        assertThat(spec.members().get(1).spec().modelUri()).isEqualTo("runs/ranker");
    }

    @Test
    void mistakesNameTheFieldPath() {
        assertThatThrownBy(() -> read(Map.of("preference", Map.of("kind", "pairrm"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("preference.kind: unknown kind 'pairrm' (known: gold_judge, llm_judge, ranker, "
                        + "reward_model, onnx_reward, onnx_pairwise, encoder_head, vader_sentiment, ensemble)");
        assertThatThrownBy(() -> read(Map.of("preference", Map.of("kind", "reward_model"))))
                .hasMessageStartingWith("preference.model_uri: ");
        assertThatThrownBy(() -> read(Map.of("preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "gold_judge")), Map.of("spec", Map.of("kind", "gold_judge"),
                        "weight", -1))))))
                .hasMessage("preference.members[1].weight: must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> read(Map.of("preference", Map.of("kind", "ranker", "model_uri", "m", "url", "x"))))
                .hasMessageStartingWith("preference.url: unknown setting");
    }

    @Test
    void aRunWithoutLlmJudgesRefusesOneBeforeItStarts() {
        SppoConfig config = read(Map.of("preference", Map.of("kind", "llm_judge", "judge", "local")));

        assertThatThrownBy(() -> RunPreferences.build(config.preference(), null,
                LlmJudgeResolver.unavailable("no judges here")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("preference.judge: LLM judge 'local': no judges here");
    }

    @Test
    void aRunAsksItsResolverForEachLlmJudgeItNeeds() {
        SppoConfig config = read(Map.of("preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "llm_judge", "judge", Map.of("model", "m"))),
                Map.of("spec", Map.of("kind", "gold_judge"))))));
        List<LlmJudgeSpec> asked = new ArrayList<>();
        PreferenceModel prefersFirst = (prompt, responses) -> {
            PreferenceMatrix m = new PreferenceMatrix(new double[][] {{0.5, 1}, {0, 0.5}});
            return new PreferenceResult(m, m.winRates());
        };

        PreferenceModel model = RunPreferences.build(config.preference(), null, spec -> {
            asked.add(spec);
            return prefersFirst;
        });

        assertThat(asked).containsExactly(LlmJudgeSpec.inline("preference.members[0].spec.judge",
                Map.of("model", "m")));
        // (1 + P_gold[0][1]) / 2 with the gold judge preferring the right sum 42 to 41 at tau 0.1
        assertThat(model.compare("12+30=", List.of("41", "42")).matrix().get(0, 1))
                .isCloseTo((1 + 1 / (1 + Math.exp(5.0))) / 2, offset(1e-12));
    }

    @Test
    void aGoldJudgeWhoseSettingsTheTaskCannotHaveIsRefusedNamingTheSetting() {
        PreferenceModelSpec spec = PreferenceModelSpec.goldJudge(new TaskSettings("addition", Map.of(
                "max_digits", 12)), 0.1);

        assertThatThrownBy(() -> RunPreferences.build(spec, null, LlmJudgeResolver.unavailable("none")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("preference.task: task.min_digits: addition needs 1 <= minDigits <= maxDigits <= 9, "
                        + "got minDigits 1, maxDigits 12");
    }

    @Test
    void onlyTheGoldJudgeAloneIsNotAProxy() {
        assertThat(RunPreferences.isProxy(PreferenceModelSpec.goldJudge(ADDITION, 0.1))).isFalse();
        assertThat(RunPreferences.isProxy(PreferenceModelSpec.ensemble(List.of(
                new PreferenceModelSpec.Member(PreferenceModelSpec.goldJudge(ADDITION, 0.1), 1))))).isTrue();
    }

    private static SppoConfig read(Map<String, Object> tree) {
        return new SppoConfigReader().read(tree);
    }
}
