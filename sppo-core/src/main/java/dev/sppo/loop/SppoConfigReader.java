package dev.sppo.loop;

import dev.sppo.config.ConfigReader;
import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.evaluation.EvaluationConfig;
import dev.sppo.loss.LossType;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.preference.TaskSettings;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.source.DatasetSource;
import dev.sppo.source.SourceSpec;
import dev.sppo.source.TaskSource;
import dev.sppo.task.TaskSpec;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.PreferenceTrainingConfig;
import dev.sppo.training.ReferenceMode;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@link SppoConfig} from YAML or JSON, merged over {@code default-train.yaml}. A run names either a built-in
 * {@code task} (the defaults name addition) or its own {@code prompts} ({@link PromptsSection}); a config that names
 * {@code prompts} does without the default task, and one that names both, or removes the task without naming prompts,
 * is refused naming the two fields.
 */
public final class SppoConfigReader extends ConfigReader<SppoConfig> {

    private static final String TASK = "task";

    public SppoConfigReader() {
        super("default-train.yaml");
    }

    /** A config that names {@code prompts} replaces the default {@code task}: a run has one or the other. */
    @Override
    protected Set<String> replacedDefaults(Map<String, Object> given) {
        return given.get(PromptsSection.KEY) != null ? Set.of(TASK) : Set.of();
    }

    @Override
    protected SppoConfig build(Map<String, Object> tree) {
        ConfigTree root = new ConfigTree("", tree);
        long seed = root.longValue("seed", 1);
        SourceSpec source = source(root, seed);
        TaskSettings task = source instanceof TaskSource t ? t.spec().settings() : null;
        SppoConfig config = new SppoConfig(
                source,
                Path.of(root.string("run_dir", "runs/sppo")),
                cacheDir(root.string("cache_dir", null)),
                seed,
                root.integer("iterations", 3),
                root.integer("prompts_per_iteration", 512),
                basePath(root.child("base")),
                warmStart(root.child("base").child("warm_start")),
                sampling(root.child("sampling"), seed),
                PreferenceSection.read(root.child(PreferenceSection.KEY), task),
                training(root.child("training"), seed),
                root.choice("reference", ReferenceMode.class, ReferenceMode.RECORDED),
                evaluation(root.child("evaluation"), root.child("sampling"), seed, task),
                WeightsSection.read(root));
        root.checkNoUnknownKeys();
        return config;
    }

    /** The built-in task or the prompt dataset: exactly one of the two sections. */
    private static SourceSpec source(ConfigTree root, long seed) {
        ConfigTree task = root.child(TASK);
        ConfigTree prompts = root.child(PromptsSection.KEY);
        if (root.has(TASK) == root.has(PromptsSection.KEY)) {
            throw new InvalidConfigException(TASK + ", " + PromptsSection.KEY + ": a run names exactly one of the two "
                    + "(a built-in task, or a prompt file), got " + (root.has(TASK) ? "both" : "neither"));
        }
        return root.has(TASK) ? new TaskSource(TaskSpec.read(task, seed))
                : new DatasetSource(PromptsSection.read(prompts));
    }

    private static Path cacheDir(String configured) {
        if (configured != null) {
            return Path.of(configured);
        }
        String env = System.getenv("SPPO_CACHE_DIR");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "sppo");
    }

    private static Path basePath(ConfigTree base) {
        String path = base.string("path", null);
        return path == null ? null : Path.of(path);
    }

    private static WarmStartConfig warmStart(ConfigTree n) {
        WarmStartConfig c = n.validated("", () -> new WarmStartConfig(n.integer("hidden_size", 128),
                n.integer("layers", 2), n.integer("heads", 4), n.integer("demonstrations", 4000),
                n.integer("epochs", 6), n.integer("batch_size", 64), n.number("learning_rate", 3e-3),
                n.number("corruption_rate", 0.4)));
        n.checkNoUnknownKeys();
        return c;
    }

    private static SamplingParams sampling(ConfigTree n, long seed) {
        SamplingParams p = n.validated("", () -> new SamplingParams(n.integer("max_new_tokens", 8),
                n.number("temperature", 0.7), n.integer("top_k", 0), n.number("top_p", 0.9), n.integer("k", 5), seed));
        n.checkNoUnknownKeys();
        return p;
    }

    private static PreferenceTrainingConfig training(ConfigTree n, long seed) {
        LossType loss = n.validated("loss", () -> LossType.parse(n.string("loss", "sppo")));
        OptimizerConfig.Kind kind = n.choice("optimizer", OptimizerConfig.Kind.class, OptimizerConfig.Kind.ADAMW);
        OptimizerConfig optimizer = n.validated("", () -> OptimizerConfig.builder().kind(kind)
                .learningRate(n.number("learning_rate", 1e-4)).weightDecay(n.number("weight_decay", 0.0))
                .warmupRatio(n.number("warmup_ratio", 0.1)).maxGradNorm(n.number("max_grad_norm", 1.0)).build());
        PreferenceTrainingConfig c = n.validated("", () -> new PreferenceTrainingConfig(loss, n.number("beta", 0.1),
                n.integer("epochs", 2), n.integer("batch_size", 32),
                n.integer("micro_batch_size", PreferenceTrainingConfig.WHOLE_BATCH), optimizer, seed));
        n.checkNoUnknownKeys();
        return c;
    }

    /** The {@code evaluation} section; its {@code judge} is a preference spec, read as {@code preference} is. */
    private static EvaluationConfig evaluation(ConfigTree n, ConfigTree sampling, long seed, TaskSettings task) {
        ConfigTree judgeSection = n.child("judge");
        PreferenceModelSpec judge = n.has("judge") ? PreferenceSection.read(judgeSection, task) : null;
        EvaluationConfig c = n.validated("", () -> new EvaluationConfig(n.integer("prompts", 256),
                new SamplingParams(sampling.integer("max_new_tokens", 8), n.number("temperature", 0.7), 0,
                        n.number("top_p", 0.9), n.integer("samples_per_prompt", 2), seed + 7919), judge));
        n.checkNoUnknownKeys();
        return c;
    }
}
