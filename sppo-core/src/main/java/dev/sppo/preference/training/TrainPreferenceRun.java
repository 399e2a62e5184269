package dev.sppo.preference.training;

import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import dev.sppo.preference.TrainableModel;
import dev.sppo.preference.data.LabelledPair;
import dev.sppo.preference.data.PreferencePair;
import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One {@code train-preference} run: builds the pairs ({@link PreferenceDataset}), a fresh character-level model of
 * the configured kind and size (or, for {@code encoder_head}, a fresh head on the configured ONNX encoder), trains it ({@link PreferenceModelTrainer}), and writes {@code OUT/model/} (the
 * checkpoint, loadable by {@link dev.sppo.preference.learned.RankerDirectory} or {@link
 * dev.sppo.preference.learned.RewardModelDirectory}) and {@code OUT/metrics.json}.
 */
public final class TrainPreferenceRun {

    public static final String MODEL_DIR = "model";
    public static final String METRICS_FILE = "metrics.json";

    private TrainPreferenceRun() {}

    public static TrainPreferenceResult run(TrainPreferenceConfig config, PrintStream log) throws IOException {
        long started = System.nanoTime();
        PreferenceDataset data = PreferenceDataset.of(config);
        log.println(String.format(Locale.ROOT, "train-preference: %s on %d training pairs, %d held out",
                config.kind().name().toLowerCase(Locale.ROOT), data.train().size(), data.heldOut().size()));
        Path checkpoint = config.outDir().resolve(MODEL_DIR);
        try (NDManager manager = NDManager.newBaseManager()) {
            PairObjective objective = newObjective(config, data, checkpoint, manager);
            try (TrainableModel model = objective.model()) {
                PreferenceModelTrainer.Outcome outcome = new PreferenceModelTrainer(config.training(), config.seed())
                        .train(objective, data, log);
                model.save(checkpoint);
                TrainPreferenceResult result = new TrainPreferenceResult(config.kind(), checkpoint,
                        model.parameterCount(), data.train().size(), outcome, (System.nanoTime() - started) / 1e9);
                Files.writeString(config.outDir().resolve(METRICS_FILE), new GsonBuilder().setPrettyPrinting()
                        .serializeNulls().create().toJson(result.toJson()) + "\n", StandardCharsets.UTF_8);
                return result;
            }
        }
    }

    /** A fresh model of the configured kind; an encoder head's encoder is first copied into {@code checkpoint}. */
    private static PairObjective newObjective(TrainPreferenceConfig c, PreferenceDataset data, Path checkpoint,
            NDManager manager) throws IOException {
        return switch (c.kind()) {
            case RANKER -> new RankerObjective(FreshModels.ranker(c.model(), new CharTokenizer(alphabet(c, data)),
                    manager, c.seed()), c.training().languageModelWeight());
            case REWARD_MODEL -> new RewardObjective(
                    FreshModels.rewardModel(c.model(), new CharTokenizer(alphabet(c, data)), manager, c.seed()));
            case ENCODER_HEAD -> {
                c.backbone().copyTo(checkpoint);
                yield new EncoderHeadObjective(FreshModels.encoderHead(c.model(), checkpoint, manager, c.seed()));
            }
        };
    }

    /** The task's alphabet for generated pairs; every character of the file's texts for JSONL pairs. */
    private static String alphabet(TrainPreferenceConfig config, PreferenceDataset data) {
        if (config.data() == null) {
            return config.task().task().alphabet();
        }
        TreeSet<Integer> codePoints = new TreeSet<>();
        for (List<LabelledPair> pairs : List.of(data.train(), data.heldOut())) {
            for (LabelledPair labelled : pairs) {
                PreferencePair p = labelled.pair();
                (p.prompt() + p.chosen() + p.rejected()).codePoints().forEach(codePoints::add);
            }
        }
        return codePoints.stream().map(Character::toString).collect(Collectors.joining());
    }
}
