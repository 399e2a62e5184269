package dev.sppo.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.preference.PreferenceModelSpec.Member;
import dev.sppo.preference.sentiment.VaderAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

class PreferenceModelsTest {

    /** Grades by length: longer is better, as a score in [0, 1]. */
    private static final Judge BY_LENGTH = (prompt, response) -> Math.min(1.0, response.length() / 10.0);
    /** Always prefers the first response: P[0][1] = 0.9. */
    private static final PreferenceModel FIRST = (prompt, responses) -> {
        PreferenceMatrix m = new PreferenceMatrix(new double[][] {{0.5, 0.9}, {0.1, 0.5}});
        return new PreferenceResult(m, m.winRates());
    };

    private static final TaskSettings LENGTH = TaskSettings.defaultsOf("length");

    private final PreferenceModels models = new PreferenceModels(GoldPreferences.ofJudges(
            settings -> named(Map.of("length", BY_LENGTH), "unknown task").apply(settings.name())),
            spec -> named(Map.of("first", FIRST), "no LLM judge named").apply(spec.name()),
            spec -> {
                if (!spec.modelUri().equals("file:/models/first")) {
                    throw new PreferenceSpecException("model_uri", "no checkpoint at " + spec.modelUri());
                }
                return FIRST;
            });

    @Test
    void aGoldJudgeSpecIsTheTasksJudgeReadAsBradleyTerry() {
        PreferenceResult result = models.build(PreferenceModelSpec.goldJudge(LENGTH, 0.5))
                .compare("x", List.of("aaaaa", "a"));

        // r = (0.5, 0.1): P[0][1] = sigmoid((0.5 - 0.1) / 0.5) = sigmoid(0.8)
        assertThat(result.matrix().get(0, 1)).isCloseTo(1 / (1 + Math.exp(-0.8)), offset(1e-12));
    }

    @Test
    void aGoldJudgeIsBuiltForItsTaskWithTheSettingsTheSpecCarries() {
        PreferenceModels bySettings = new PreferenceModels(GoldPreferences.ofJudges(settings -> (prompt, response) ->
                Math.min(1.0, response.length() / (double) settings.settings().getOrDefault("full_length", 10))),
                LlmJudgeResolver.unavailable("none"), spec -> FIRST);
        PreferenceModelSpec shortAnswers = PreferenceModelSpec.goldJudge(
                new TaskSettings("length", Map.of("full_length", 5)), 0.5);

        PreferenceResult result = bySettings.build(shortAnswers).compare("x", List.of("aaaaa", "a"));

        // r = (1.0, 0.2) with full_length 5, not (0.5, 0.1) as with the task's default of 10
        assertThat(result.matrix().get(0, 1)).isCloseTo(1 / (1 + Math.exp(-1.6)), offset(1e-12));
    }

    @Test
    void anEnsembleSpecMixesItsMembersByWeight() {
        PreferenceModelSpec spec = PreferenceModelSpec.ensemble(List.of(
                new Member(PreferenceModelSpec.llmJudge(LlmJudgeSpec.named("first")), 3),
                new Member(PreferenceModelSpec.goldJudge(LENGTH, 0.5), 1)));

        PreferenceResult result = models.build(spec).compare("x", List.of("a", "aaaaa"));

        // 0.75 * 0.9 + 0.25 * sigmoid((0.1 - 0.5) / 0.5)
        assertThat(result.matrix().get(0, 1)).isCloseTo(0.75 * 0.9 + 0.25 / (1 + Math.exp(0.8)), offset(1e-12));
        assertThat(spec.goldTasks()).containsExactly(LENGTH);
    }

    @Test
    void unknownNamesAreReportedOnTheirFieldWithTheMemberPath() {
        assertThatThrownBy(() -> models.build(PreferenceModelSpec.llmJudge(LlmJudgeSpec.named("gpt-9"))))
                .isInstanceOfSatisfying(PreferenceSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("judge");
                    assertThat(e.problem()).contains("no LLM judge named 'gpt-9'", "configured: first");
                });
        PreferenceModelSpec nested = PreferenceModelSpec.ensemble(List.of(
                new Member(PreferenceModelSpec.llmJudge(LlmJudgeSpec.named("first")), 1),
                new Member(PreferenceModelSpec.ensemble(List.of(
                        new Member(PreferenceModelSpec.goldJudge(TaskSettings.defaultsOf("poetry"), 0.1), 1))), 1)));
        assertThatThrownBy(() -> models.build(nested)).isInstanceOfSatisfying(PreferenceSpecException.class,
                e -> assertThat(e.field()).isEqualTo("members[1].spec.members[0].spec.task"));
    }

    @Test
    void learnedModelsComeFromTheLoaderAndItsRefusalsKeepTheMemberPath() {
        for (PreferenceKind kind : List.of(PreferenceKind.RANKER, PreferenceKind.REWARD_MODEL)) {
            PreferenceModelSpec spec = new PreferenceModelSpec(kind, null, 0.1, null, "file:/models/first", List.of());
            assertThat(models.build(spec)).isSameAs(FIRST);
        }
        PreferenceModelSpec missing = PreferenceModelSpec.ensemble(List.of(new Member(
                new PreferenceModelSpec(PreferenceKind.RANKER, null, 0.1, null, "file:/models/none", List.of()), 1)));
        assertThatThrownBy(() -> models.build(missing)).isInstanceOfSatisfying(PreferenceSpecException.class,
                e -> assertThat(e.field()).isEqualTo("members[0].spec.model_uri"));
    }

    @Test
    void eachKindRequiresItsFields() {
        assertThatThrownBy(() -> PreferenceModelSpec.goldJudge(null, 0.1)).hasMessage("task: required");
        assertThatThrownBy(() -> PreferenceModelSpec.goldJudge(LENGTH, 0)).hasMessageStartingWith("tau: must be");
        assertThatThrownBy(() -> PreferenceModelSpec.llmJudge(LlmJudgeSpec.named(" "))).hasMessage("judge: required");
        assertThatThrownBy(() -> PreferenceModelSpec.llmJudge(null)).hasMessage("judge: required");
        assertThatThrownBy(() -> new PreferenceModelSpec(PreferenceKind.REWARD_MODEL, null, 0.1, null, null, null))
                .hasMessage("modelUri: required");
        assertThatThrownBy(() -> PreferenceModelSpec.ensemble(List.of()))
                .hasMessage("members: an ensemble needs at least one member");
        assertThatThrownBy(() -> new Member(PreferenceModelSpec.llmJudge(LlmJudgeSpec.named("first")), -1))
                .hasMessageStartingWith("weight: must be a finite number > 0");
    }

    @Test
    void onlyTheKindsThatReadScoresThroughATemperatureHaveADefaultOne() {
        assertThat(PreferenceKind.GOLD_JUDGE.defaultTau()).isEqualTo(0.1);
        assertThat(PreferenceKind.REWARD_MODEL.defaultTau()).isEqualTo(1.0);
        assertThat(List.of(PreferenceKind.LLM_JUDGE, PreferenceKind.RANKER, PreferenceKind.ENSEMBLE))
                .allSatisfy(kind -> assertThat(kind.defaultTau()).isZero());
    }

    @Test
    void aVaderSentimentSpecComparesCompoundScoresAtItsTemperature() {
        PreferenceModelSpec spec = new PreferenceModelSpec(PreferenceKind.VADER_SENTIMENT, null,
                PreferenceKind.VADER_SENTIMENT.defaultTau(), null, null, List.of());

        PreferenceResult result = models.build(spec).compare("x", List.of("The book was good.", "The book was."));

        // compound("The book was good.") = 1.9 / sqrt(1.9^2 + 15) (the README's 0.4404), a text without lexicon words 0
        double good = 1.9 / Math.sqrt(1.9 * 1.9 + 15);
        assertThat(good).isCloseTo(0.4404, offset(0.00005));
        assertThat(result.matrix().get(0, 1)).isCloseTo(1 / (1 + Math.exp(-good / 0.2)), offset(1e-12));
        assertThatThrownBy(() -> new PreferenceModelSpec(PreferenceKind.VADER_SENTIMENT, null, 0, null, null, null))
                .hasMessageStartingWith("tau: ");
    }

    @Test
    void theSentimentJudgeGradesCompoundOnZeroToOne() {
        SentimentJudge judge = new SentimentJudge(VaderAnalyzer.shared());

        assertThat(judge.score("x", "The book was.")).isEqualTo(0.5);
        assertThat(judge.score("x", "VADER is smart, handsome, and funny.")).isCloseTo((0.8316 + 1) / 2,
                offset(0.00005));
        assertThat(judge.score("x", "VADER is not smart, handsome, nor funny.")).isCloseTo((1 - 0.7424) / 2,
                offset(0.00005));
    }

    @Test
    void kindsParseFromTheirWireNames() {
        assertThat(PreferenceKind.parse("reward_model")).isEqualTo(PreferenceKind.REWARD_MODEL);
        assertThatThrownBy(() -> PreferenceKind.parse("pairrm")).hasMessage(
                "kind: unknown kind 'pairrm' (known: gold_judge, llm_judge, ranker, reward_model, onnx_reward, "
                        + "onnx_pairwise, encoder_head, vader_sentiment, ensemble)");
    }

    private static <T> Function<String, T> named(Map<String, T> known, String unknown) {
        return name -> {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException(unknown + " '" + name + "' (configured: "
                        + String.join(", ", known.keySet()) + ")");
            }
            return known.get(name);
        };
    }
}
