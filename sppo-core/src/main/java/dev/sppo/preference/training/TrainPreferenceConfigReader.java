package dev.sppo.preference.training;

import dev.sppo.config.ConfigReader;
import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.onnx.EncoderSource;
import dev.sppo.task.TaskSpec;
import dev.sppo.training.OptimizerConfig;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a {@link TrainPreferenceConfig} from YAML or JSON merged over {@value #DEFAULTS}; every error names the
 * path of the offending field ({@code training.learning_rate: ...}) and unknown keys are refused.
 */
public final class TrainPreferenceConfigReader extends ConfigReader<TrainPreferenceConfig> {

    private static final String DEFAULTS = "default-train-preference.yaml";

    public TrainPreferenceConfigReader() {
        super(DEFAULTS);
    }

    @Override
    protected TrainPreferenceConfig build(Map<String, Object> tree) {
        ConfigTree root = new ConfigTree("", tree);
        long seed = root.longValue("seed", 1);
        PreferenceModelKind kind = root.choice("kind", PreferenceModelKind.class, PreferenceModelKind.RANKER);
        String backbone = root.string("backbone",
                kind == PreferenceModelKind.ENCODER_HEAD ? EncoderSource.PREFIX + EncoderSource.MINILM : null);
        TaskSpec task = TaskSpec.read(root.child("task"), seed);
        String data = root.string("data", null);
        ModelSize model = modelSize(root.child("model"));
        TrainingSettings training = training(root.child("training"));
        TrainPreferenceConfig config = checked("", () -> new TrainPreferenceConfig(kind,
                backbone == null ? null : new EncoderSource(backbone), task,
                data == null ? null : Path.of(data), root.integer("pairs", 24000),
                root.integer("pairs_per_prompt", 4), root.number("label_noise", 0.2), root.number("held_out", 0.1),
                model, training, seed, Path.of(root.string("out_dir", "runs/preference"))));
        root.checkNoUnknownKeys();
        return config;
    }

    private static ModelSize modelSize(ConfigTree n) {
        ModelSize size = checked("model", () -> new ModelSize(n.integer("hidden_size", 64), n.integer("layers", 2),
                n.integer("heads", 4)));
        n.checkNoUnknownKeys();
        return size;
    }

    private static TrainingSettings training(ConfigTree n) {
        TrainingSettings settings = checked("training", () -> new TrainingSettings(n.integer("epochs", 4),
                n.integer("batch_size", 64), OptimizerConfig.builder().learningRate(n.number("learning_rate", 3e-3))
                        .weightDecay(n.number("weight_decay", 0.0)).warmupRatio(n.number("warmup_ratio", 0.05))
                        .maxGradNorm(n.number("max_grad_norm", 1.0)).build(),
                n.number("language_model_weight", 1.0)));
        n.checkNoUnknownKeys();
        return settings;
    }

    /**
     * Runs {@code body}; a record's IllegalArgumentException, whose message starts with the field's name, becomes
     * an error that starts with the field's path in the file ({@code learningRate} in section {@code training}
     * becomes {@code training.learning_rate}).
     */
    private static <T> T checked(String section, Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int end = message.indexOf(' ') < 0 ? message.length() : message.indexOf(' ');
            String field = message.substring(0, end).replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            throw new InvalidConfigException((section.isEmpty() ? "" : section + ".") + field + message.substring(end));
        }
    }
}
