package dev.sppo.loop;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.evaluation.EvaluationConfig;
import dev.sppo.loss.LossType;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.task.TaskSpec;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.PreferenceTrainingConfig;
import dev.sppo.training.ReferenceMode;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads an {@link SppoConfig} from YAML or JSON, merged over {@code default-train.yaml}. */
public final class SppoConfigReader {

    private static final String DEFAULTS = "default-train.yaml";

    private SppoConfigReader() {}

    /** The built-in default run. */
    public static SppoConfig defaults() {
        return read(Map.of());
    }

    /** Reads {@code file} (YAML or JSON) over the defaults. */
    public static SppoConfig read(Path file) throws IOException {
        Map<String, Object> tree = parseFile(file);
        try {
            return read(tree);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
    }

    /** Parses a YAML or JSON file into a config tree, without applying it. */
    public static Map<String, Object> parseFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(file + ": config file not found");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
    }

    /** Applies {@code overrides} (a parsed config tree) over the defaults. */
    public static SppoConfig read(Map<String, Object> overrides) {
        ConfigTree root = new ConfigTree("", ConfigTree.merge(builtInDefaults(), overrides));
        long seed = root.longValue("seed", 1);
        TaskSpec task = TaskSpec.read(root.child("task"), seed);
        SppoConfig config = new SppoConfig(
                task,
                Path.of(root.string("run_dir", "runs/sppo")),
                cacheDir(root.string("cache_dir", null)),
                seed,
                root.integer("iterations", 3),
                root.integer("prompts_per_iteration", 512),
                basePath(root.child("base")),
                warmStart(root.child("base").child("warm_start")),
                sampling(root.child("sampling"), seed),
                PreferenceSection.read(root.child(PreferenceSection.KEY), task.task().name()),
                training(root.child("training"), seed),
                root.choice("reference", ReferenceMode.class, ReferenceMode.RECORDED),
                evaluation(root.child("evaluation"), root.child("sampling"), seed));
        root.checkNoUnknownKeys();
        return config;
    }

    /** Parses YAML or JSON text into a config tree; an empty text is an empty tree. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        try {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (tree == null) {
                return Map.of();
            }
            if (!(tree instanceof Map)) {
                throw new InvalidConfigException("expected a map of settings at the top level");
            }
            return (Map<String, Object>) tree;
        } catch (YAMLException e) {
            throw new InvalidConfigException("not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Map<String, Object> builtInDefaults() {
        try (InputStream in = SppoConfigReader.class.getResourceAsStream(DEFAULTS)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + DEFAULTS, e);
        }
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
        OptimizerConfig d = OptimizerConfig.defaults();
        OptimizerConfig optimizer = n.validated("", () -> new OptimizerConfig(kind, n.number("learning_rate", 1e-4),
                n.number("weight_decay", 0.0), d.beta1(), d.beta2(), d.alpha(), d.epsilon(),
                n.number("warmup_ratio", 0.1), n.number("max_grad_norm", 1.0)));
        PreferenceTrainingConfig c = n.validated("", () -> new PreferenceTrainingConfig(loss, n.number("beta", 0.1),
                n.integer("epochs", 2), n.integer("batch_size", 32), optimizer, seed));
        n.checkNoUnknownKeys();
        return c;
    }

    private static EvaluationConfig evaluation(ConfigTree n, ConfigTree sampling, long seed) {
        EvaluationConfig c = n.validated("", () -> new EvaluationConfig(n.integer("prompts", 256),
                new SamplingParams(sampling.integer("max_new_tokens", 8), n.number("temperature", 0.7), 0,
                        n.number("top_p", 0.9), n.integer("samples_per_prompt", 2), seed + 7919)));
        n.checkNoUnknownKeys();
        return c;
    }
}
