package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.contracts.PreferenceMember;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.loop.AdapterTraining;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loop.WeightsConfig;
import dev.sppo.model.WeightPrecision;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.TrainerProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

class JobConfigsTest {

    private static final Map<String, Integer> ADDITION_DEFAULTS = Map.of("min_digits", 1, "max_digits", 2);

    @TempDir
    Path store;

    /** A service section that accepts only {@code {every: <whole number>}}. */
    private static final JobSection SCHEDULE = new JobSection() {
        @Override
        public String key() {
            return "schedule";
        }

        @Override
        public void check(Object section) {
            if (!(section instanceof Map<?, ?> m && m.get("every") instanceof Integer)) {
                throw new InvalidConfigException("schedule.every: expected a whole number");
            }
        }
    };

    /** These trees name nothing on a server; ReferencesApiTest resolves trees that do, over a real database. */
    private static final JobReferences NO_REFERENCES = (tree, caller) -> new Resolution(tree, List.of());

    private JobConfigs configs(JobSection... sections) {
        return new JobConfigs(new TrainerProperties(store, Duration.ofSeconds(1), true, 10, 100_000,
                Duration.ofMinutes(2), Duration.ofMinutes(60)), List.of(sections), NO_REFERENCES);
    }

    @Test
    void everyBadSettingIsReportedInOneRefusal() {
        Map<String, Object> body = Map.of("cache_dir", "/x", "sampling", Map.of("k", 1),
                "training", Map.of("loss", "nope", "beta", 0));

        assertThatThrownBy(() -> configs().validate(body, Caller.PLATFORM)).isInstanceOfSatisfying(
                InvalidJobConfigException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("cache_dir", "training.loss", "training.beta", "sampling.k"));
    }

    @Test
    void aServiceSectionIsCheckedByItsOwnerBesideTheRunConfigAndLeftOutOfIt() {
        Map<String, Object> bad = Map.of("schedule", Map.of("every", "x"), "training", Map.of("beta", 0));

        assertThatThrownBy(() -> configs(SCHEDULE).validate(bad, Caller.PLATFORM)).isInstanceOfSatisfying(
                InvalidJobConfigException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("schedule.every", "training.beta"));
        assertThat(configs(SCHEDULE).effective("job-1", Map.of("schedule", Map.of("every", 2), "iterations", 2))
                .iterations()).isEqualTo(2);
    }

    @Test
    void submissionSplitsTheNameFromTheConfigTree() {
        JobSubmission submission = configs().validate(Map.of("name", "run-a", "iterations", 1), Caller.PLATFORM);

        assertThat(submission).isEqualTo(new JobSubmission("run-a", Map.of("iterations", 1), null));
    }

    @Test
    void nameMustBeShortText() {
        assertThatThrownBy(() -> configs().validate(Map.of("name", "x".repeat(201)), Caller.PLATFORM))
                .isInstanceOfSatisfying(InvalidJobConfigException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("name"));
    }

    @Test
    void thePreferenceSectionBecomesTheSpecOfTheJobsTaskGoldJudgeByDefault() {
        Map<String, Object> tree = Map.of("preference", Map.of("tau", 0.5));

        assertThat(configs().preference(configs().effective("job-1", tree)))
                .isEqualTo(goldJudge("addition", ADDITION_DEFAULTS, 0.5));
        assertThat(configs().preference(new SppoConfigReader().defaults()))
                .isEqualTo(goldJudge("addition", ADDITION_DEFAULTS, 0.1));
    }

    @Test
    void theJobsTaskTravelsWithAllItsSettingsSoThatItIsJudgedAsConfigured() {
        Map<String, Object> tree = Map.of("task", Map.of("name", "sorting", "max_length", 8), "preference",
                Map.of("kind", "ensemble", "members", List.of(Map.of("spec", Map.of("kind", "gold_judge")))));

        PreferenceSpec spec = configs().preference(configs().effective("job-1", tree));

        Map<String, Integer> configured = Map.of("min_length", 3, "max_length", 8, "digits", 10);
        assertThat(spec.taskSettings()).isEqualTo(configured);
        assertThat(spec.members().get(0).spec()).isEqualTo(goldJudge("sorting", configured, 0.1));
    }

    @Test
    void aVaderSentimentJudgeIsServableAndTravelsWithItsTau() {
        Map<String, Object> tree = Map.of("iterations", 1, "preference", Map.of("kind", "vader_sentiment"),
                "evaluation", Map.of("judge", Map.of("kind", "vader_sentiment", "tau", 0.5)));

        configs().validate(tree, Caller.PLATFORM);
        PreferenceSpec spec = configs().preference(configs().effective("job-1", tree));

        assertThat(spec.kind()).isEqualTo(PreferenceSpec.VADER_SENTIMENT);
        assertThat(spec.tau()).isEqualTo(0.2);
    }

    @Test
    void anLlmJudgeGivenInlineIsRefusedOnItsPathBecauseThePlatformNamesItsJudges() {
        Map<String, Object> endpoint = Map.of("base_url", "http://localhost:11434/v1", "model", "llama3.2");

        assertThat(preferenceProblem(Map.of("kind", "llm_judge", "judge", endpoint))).satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("preference.judge");
            assertThat(problem.message()).contains("configured in the preference-service", "judge: local");
        });
        assertThat(preferenceProblem(Map.of("kind", "ensemble", "members", List.of(Map.of("spec",
                Map.of("kind", "llm_judge", "judge", endpoint))))).field())
                .isEqualTo("preference.members[0].spec.judge");
    }

    @Test
    void anEnsembleOfTheGoldJudgeAndANamedLlmJudgeIsAccepted() {
        Map<String, Object> tree = Map.of("iterations", 1, "preference", Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "gold_judge", "tau", 0.2), "weight", 0.3),
                Map.of("spec", Map.of("kind", "llm_judge", "judge", "local"), "weight", 0.7))));

        configs().validate(tree, Caller.PLATFORM);
        PreferenceSpec spec = configs().preference(configs().effective("job-1", tree));

        assertThat(spec.kind()).isEqualTo("ensemble");
        assertThat(spec.members()).containsExactly(
                new PreferenceMember(goldJudge("addition", ADDITION_DEFAULTS, 0.2), 0.3),
                new PreferenceMember(new PreferenceSpec("llm_judge", "addition", ADDITION_DEFAULTS, 0, "local", null,
                        null), 0.7));
    }

    @Test
    void aLoraJobWithHalfPrecisionCheckpointsIsAcceptedAndReadAsTheEngineReadsIt() {
        Map<String, Object> tree = Map.of("iterations", 1, "lora", Map.of("r", 8, "per_iteration", "fresh"),
                "save", Map.of("dtype", "bfloat16"));

        configs().validate(tree, Caller.PLATFORM);
        WeightsConfig weights = configs().effective("job-1", tree).weights();

        assertThat(weights.adapter().lora().r()).isEqualTo(8);
        assertThat(weights.adapter().perIteration()).isEqualTo(AdapterTraining.PerIteration.FRESH);
        assertThat(weights.save().dtype()).isEqualTo(WeightPrecision.BFLOAT16);
    }

    @Test
    void aHalfPrecisionBaseAndShardedCheckpointsAreRefusedByFieldBecauseGeneratorsSampleStoredFloat32() {
        Map<String, Object> body = Map.of("iterations", 1, "lora", Map.of("r", 8), "base", Map.of("dtype", "bfloat16"),
                "save", Map.of("max_shard_size", "5GB"));
        assertThatThrownBy(() -> configs().validate(body, Caller.PLATFORM)).isInstanceOfSatisfying(
                InvalidJobConfigException.class,
                e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field)
                            .containsExactly("base.dtype", "save.max_shard_size");
                    assertThat(e.problems().get(0).message()).contains("bfloat16", "float32");
                });
    }

    @Test
    void badPreferenceSectionsAreRefusedNamingTheFieldPath() {
        assertThat(preferenceProblem(Map.of("kind", "pairrm"))).isEqualTo(new FieldProblem("preference.kind",
                "unknown kind 'pairrm' (known: gold_judge, llm_judge, ranker, reward_model, onnx_reward, "
                        + "onnx_pairwise, encoder_head, vader_sentiment, ensemble)"));
        assertThat(preferenceProblem(Map.of("kind", "llm_judge")).field()).isEqualTo("preference.judge");
        assertThat(preferenceProblem(Map.of("kind", "reward_model")).field()).isEqualTo("preference.model_uri");
        assertThat(preferenceProblem(Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "llm_judge", "judge", "local"), "weight", -1)))))
                .isEqualTo(new FieldProblem("preference.members[0].weight", "must be a finite number > 0, got -1.0"));
        assertThat(preferenceProblem(Map.of("kind", "ensemble", "members", List.of(
                Map.of("spec", Map.of("kind", "gold_judge")), Map.of("spec", Map.of("kind", "llm_judge"))))).field())
                .isEqualTo("preference.members[1].spec.judge");
        assertThat(preferenceProblem(Map.of("kind", "llm_judge", "judge", "local", "endpoint", "http://x")).field())
                .isEqualTo("preference.endpoint");
    }

    private static PreferenceSpec goldJudge(String task, Map<String, Integer> settings, double tau) {
        return new PreferenceSpec("gold_judge", task, settings, tau, null, null, null);
    }

    private FieldProblem preferenceProblem(Map<String, Object> section) {
        Map<String, Object> body = Map.of("iterations", 1, "preference", section);
        InvalidJobConfigException refused = catchThrowableOfType(InvalidJobConfigException.class,
                () -> configs().validate(body, Caller.PLATFORM));
        assertThat(refused.problems()).hasSize(1);
        return refused.problems().get(0);
    }

    @Test
    void effectiveConfigHasTheTrainDefaultsAndTheServersDirectories() {
        SppoConfig effective = configs().effective("job-1", Map.of("iterations", 2));
        SppoConfig defaults = new SppoConfigReader().defaults();

        assertThat(effective.iterations()).isEqualTo(2);
        assertThat(effective.promptsPerIteration()).isEqualTo(defaults.promptsPerIteration());
        assertThat(effective.training()).isEqualTo(defaults.training());
        assertThat(effective.warmStart()).isEqualTo(defaults.warmStart());
        assertThat(effective.cacheDir()).isEqualTo(store.resolve("warm-start"));
        assertThat(effective.runDir()).isEqualTo(store.resolve("runs").resolve("job-1"));
    }
}
