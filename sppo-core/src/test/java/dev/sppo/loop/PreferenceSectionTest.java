package dev.sppo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModelSpec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class PreferenceSectionTest {

    @Test
    void theDefaultIsTheRunTasksGoldJudge() {
        assertThat(new SppoConfigReader().defaults().preference())
                .isEqualTo(PreferenceModelSpec.goldJudge("addition", 0.1));
        assertThat(read(Map.of("task", Map.of("name", "sorting"))).preference())
                .isEqualTo(PreferenceModelSpec.goldJudge("sorting", 0.1));
    }

    @Test
    void learnedModelsAndEnsemblesAreReadWithTheirFields() {
        PreferenceModelSpec spec = read(Map.of("preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "gold_judge", "tau", 0.2), "weight", 0.25),
                Map.of("spec", Map.of("kind", "ranker", "model_uri", "runs/ranker"), "weight", 0.75))))).preference();

        assertThat(spec.kind()).isEqualTo(PreferenceKind.ENSEMBLE);
        assertThat(spec.members()).extracting(PreferenceModelSpec.Member::weight).containsExactly(0.25, 0.75);
        assertThat(spec.members().get(0).spec()).isEqualTo(PreferenceModelSpec.goldJudge("addition", 0.2));
        assertThat(spec.members().get(1).spec().modelUri()).isEqualTo("runs/ranker");
    }

    @Test
    void mistakesNameTheFieldPath() {
        assertThatThrownBy(() -> read(Map.of("preference", Map.of("kind", "pairrm"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("preference.kind: unknown kind 'pairrm' (known: gold_judge, llm_judge, ranker, "
                        + "reward_model, ensemble)");
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
    void anInProcessRunRefusesLlmJudgesBeforeItStarts() {
        SppoConfig config = read(Map.of("preference", Map.of("kind", "llm_judge", "judge", "local")));

        assertThatThrownBy(() -> RunPreferences.build(config.preference(), config.task().task(), null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("preference.judge: in-process runs cannot reach LLM judge 'local'");
    }

    @Test
    void onlyTheGoldJudgeAloneIsNotAProxy() {
        assertThat(RunPreferences.isProxy(PreferenceModelSpec.goldJudge("addition", 0.1))).isFalse();
        assertThat(RunPreferences.isProxy(PreferenceModelSpec.ensemble(List.of(
                new PreferenceModelSpec.Member(PreferenceModelSpec.goldJudge("addition", 0.1), 1))))).isTrue();
    }

    private static SppoConfig read(Map<String, Object> tree) {
        return new SppoConfigReader().read(tree);
    }
}
