package dev.sppo.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.loop.RunPreferences;
import dev.sppo.loop.SppoConfig;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.Policy;
import dev.sppo.model.WeightPrecision;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.sampling.BatchedSampling;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.checkpoint.AdapterBase;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.config.JobPlan;
import dev.sppo.trainer.config.JobPlans;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.JobRepository;
import dev.sppo.trainer.job.PromptResultRepository;
import dev.sppo.trainer.orchestration.IterationTrainer;
import dev.sppo.trainer.orchestration.JobStarter;
import dev.sppo.training.PolicyUpdate;
import dev.sppo.training.PromptOutcome;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform trains exactly what the in-process loop trains: from the same π_t and the same scored prompts,
 * iteration t through trainer-service's {@link IterationTrainer} (results read back from Postgres, π_t and π_{t+1}
 * in the checkpoint store) and the {@link PolicyUpdate} as {@code SppoLoop} calls it give bit-identical weights.
 * So does a LoRA adapter, which the service saves as a PEFT adapter directory recorded on its base. The job is
 * recorded directly in the database, so no orchestration runs beside the test.
 */
class IterationTrainerTest {

    private static final int PROMPTS = 16;

    @TempDir
    static Path store;

    private static TrainerApp app;

    @BeforeAll
    static void start() {
        app = TrainerApp.start(TestInfrastructure.newDatabase(), store, "trainer-iteration-test");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @CsvSource({"sppo, recorded", "sppo_all, recompute"})
    void oneIterationThroughTheServiceGivesTheWeightsOfTheInProcessUpdate(String loss, String reference)
            throws Exception {
        String jobId = "same-update-" + loss + "-" + reference;
        app.bean(JobRepository.class).insert(jobId, "same update", null, job(loss, reference));
        JobPlan plan = app.bean(JobPlans.class).plan(app.bean(JobRepository.class).find(jobId).orElseThrow());
        Checkpoint base = app.bean(JobStarter.class).base(jobId);
        List<RunPrompt> prompts = app.bean(JobPlans.class).prompts(app.bean(JobRepository.class).find(jobId)
                .orElseThrow()).batch(0);
        app.bean(IterationRepository.class).insert(jobId, 0, prompts.size());

        try (NDManager manager = NDManager.newBaseManager();
                Policy inProcess = ModelDirectory.load(Path.of(base.uri()), manager)) {
            List<PromptOutcome> outcomes = scoredPrompts(plan, base, prompts, inProcess, manager);
            PolicyUpdate update = new PolicyUpdate(plan.config().training(), plan.config().reference());
            update.train(inProcess, update.select(outcomes), 0, step -> { });

            Checkpoint trained = app.bean(IterationTrainer.class).train(jobId, plan, 0, base, prompts);

            try (Policy before = ModelDirectory.load(Path.of(base.uri()), manager);
                    Policy service = ModelDirectory.load(Path.of(trained.uri()), manager)) {
                assertThat(weights(service)).as("π_1 through the service vs in-process").isEqualTo(weights(inProcess));
                assertThat(weights(service)).as("π_1 vs π_0").isNotEqualTo(weights(before));
            }
        }
    }

    @Test
    void aLoraIterationThroughTheServiceSavesTheInProcessAdapterAsAPeftDirectoryOnTheBase() throws Exception {
        trainAdapterBothWays("continue", (base, trained, inProcess, manager) -> {
            Path baseDir = Path.of(base.uri());
            Path adapterDir = Path.of(trained.uri());
            try (Stream<Path> files = Files.list(adapterDir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                        AdapterDirectory.CONFIG_FILE, AdapterDirectory.WEIGHTS_FILE);
            }
            assertThat(trained.kind()).isEqualTo("adapter");
            assertThat(trained.base()).isEqualTo(AdapterBase.of(base));
            assertThat(trained.sha256()).isEqualTo(Digests.sha256(adapterDir.resolve(AdapterDirectory.WEIGHTS_FILE)));
            assertThat(app.bean(CheckpointRepository.class).find(trained.id())).hasValue(trained);
            try (Policy service = AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager);
                    Policy fresh = AdapterDirectory.load(baseDir, adapterDir, WeightPrecision.FLOAT32, manager)) {
                fresh.model().replaceAdapter(LoraAdapter.fresh(fresh.model().adapter().orElseThrow(), 0));
                assertThat(weights(service)).as("π_1's adapter through the service vs in-process")
                        .isEqualTo(weights(inProcess));
                assertThat(weights(service)).as("π_1 vs a fresh adapter on π_0").isNotEqualTo(weights(fresh));
            }
        });
    }

    @Test
    void aFreshAdapterPerIterationIsSavedAsTheInProcessModelMergedIntoTheBase() throws Exception {
        trainAdapterBothWays("fresh", (base, trained, inProcess, manager) -> {
            assertThat(trained.kind()).isEqualTo("model");
            assertThat(trained.base()).isNull();
            try (Policy service = ModelDirectory.load(Path.of(trained.uri()), manager);
                    Policy before = ModelDirectory.load(Path.of(base.uri()), manager)) {
                for (Parameter parameter : service.model().parameterList()) {
                    assertThat(parameter.getArray().toFloatArray()).as(parameter.getName())
                            .containsExactly(inProcess.model().mergedValues(parameter.getName()));
                }
                assertThat(weights(service)).as("π_1 vs π_0").isNotEqualTo(weights(before));
            }
        });
    }

    /** What to check once a LoRA job's iteration 0 has trained in process and through the service. */
    @FunctionalInterface
    private interface AdapterCheck {
        void check(Checkpoint base, Checkpoint trained, Policy inProcess, NDManager manager) throws Exception;
    }

    /** Trains iteration 0 of a LoRA job with {@code per_iteration} as given in process and through the service. */
    private static void trainAdapterBothWays(String perIteration, AdapterCheck check) throws Exception {
        String jobId = "same-adapter-" + perIteration;
        Map<String, Object> config = new HashMap<>(job("sppo", "recorded"));
        config.put("lora", Map.of("r", 4, "alpha", 8, "per_iteration", perIteration));
        app.bean(JobRepository.class).insert(jobId, "same adapter", null, config);
        JobPlan plan = app.bean(JobPlans.class).plan(app.bean(JobRepository.class).find(jobId).orElseThrow());
        Checkpoint base = app.bean(JobStarter.class).base(jobId);
        Path baseDir = Path.of(base.uri());
        List<RunPrompt> prompts = app.bean(JobPlans.class).prompts(app.bean(JobRepository.class).find(jobId)
                .orElseThrow()).batch(0);
        app.bean(IterationRepository.class).insert(jobId, 0, prompts.size());

        try (NDManager manager = NDManager.newBaseManager();
                Policy inProcess = plan.weights().trainable(baseDir, baseDir, 0, manager)) {
            List<PromptOutcome> outcomes = scoredPrompts(plan, base, prompts, inProcess, manager);
            PolicyUpdate update = new PolicyUpdate(plan.config().training(), plan.config().reference());
            update.train(inProcess, update.select(outcomes), 0, step -> { });

            Checkpoint trained = app.bean(IterationTrainer.class).train(jobId, plan, 0, base, prompts);

            assertThat(trained.parentId()).isEqualTo(base.id());
            check.check(base, trained, inProcess, manager);
        }
    }

    /**
     * Samples and scores iteration 0 as {@code SppoLoop} does, stores each prompt's result as the preference-service
     * would send it, and returns the outcomes the in-process loop trains on.
     */
    private static List<PromptOutcome> scoredPrompts(JobPlan plan, Checkpoint base, List<RunPrompt> prompts,
            Policy policy, NDManager manager) {
        SppoConfig config = plan.config();
        SamplingParams sampling = config.sampling().withSeed(plan.samplingSeed(0));
        List<List<Sample>> samples = BatchedSampling.sample(policy, prompts.stream().map(RunPrompt::text).toList(),
                sampling, done -> { });
        PreferenceModel preferences = RunPreferences.build(config.preference(), manager,
                LlmJudgeResolver.unavailable("a gold-judge job"));
        PromptResultRepository results = app.bean(PromptResultRepository.class);
        List<PromptOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            RunPrompt prompt = prompts.get(i);
            List<String> texts = samples.get(i).stream().map(s -> policy.tokenizer().decode(s.tokenIds())).toList();
            PromptOutcome outcome = new PromptOutcome(prompt.id(), policy.tokenizer().encodePrompt(prompt.text()),
                    samples.get(i), preferences.compare(prompt.text(), texts));
            outcomes.add(outcome);
            GenerationRequest request = new GenerationRequest(ContractVersion.CURRENT, base.jobId(), 0, prompt.id(),
                    prompt.text(), base.id(), base.uri().toString(), 0, new SamplingSpec(sampling.numSamples(),
                            sampling.temperature(), sampling.topP(), sampling.topK(), sampling.maxNewTokens(),
                            sampling.seed()), plan.preference());
            byte[] message = MessageCodec.encode(SelfPlayPeer.message(request, outcome.promptIds(), outcome.samples(),
                    texts, outcome.preference()));
            results.insert(base.jobId(), 0, prompt.id(), new String(message, StandardCharsets.UTF_8));
        }
        return outcomes;
    }

    private static Map<String, Object> job(String loss, String reference) {
        return Map.of("seed", 3, "iterations", 1, "prompts_per_iteration", PROMPTS,
                "task", Map.of("name", "addition"),
                "base", Map.of("warm_start", Map.of("hidden_size", 32, "layers", 1, "heads", 2, "demonstrations", 500,
                        "epochs", 4, "learning_rate", 0.02)),
                "sampling", Map.of("k", 4),
                "training", Map.of("loss", loss, "epochs", 2, "batch_size", 4),
                "reference", reference,
                "evaluation", Map.of("prompts", 8));
    }

    /** The bytes of every parameter, in the model's order. */
    private static byte[] weights(Policy policy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Parameter parameter : policy.model().parameterList()) {
            bytes.writeBytes(parameter.getArray().toByteArray());
        }
        return bytes.toByteArray();
    }
}
