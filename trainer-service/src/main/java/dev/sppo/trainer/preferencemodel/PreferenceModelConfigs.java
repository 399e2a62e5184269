package dev.sppo.trainer.preferencemodel;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.preference.training.PreferenceModelKind;
import dev.sppo.preference.training.TrainPreferenceConfig;
import dev.sppo.preference.training.TrainPreferenceConfigReader;
import dev.sppo.service.ConfinedDirectory;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.config.FieldProblem;
import dev.sppo.trainer.config.InvalidJobConfigException;

import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a preference-model submission exactly as {@code ./sppo train-preference --config} reads its file (same
 * defaults, same field-path errors), with the working directory the server owns ({@code out_dir}). The platform
 * trains rankers and reward models; an {@code encoder_head} (a head on a frozen ONNX encoder, whose directory holds
 * the encoder) is refused on {@code kind}. A submission's {@code data} names a file inside the preference data root
 * (relative to it, or absolute; links followed) and is stored as its absolute path; any other path is refused in the
 * same words whether or not something lies there, so that a refusal tells nothing about the trainer's disk.
 */
@Component
public class PreferenceModelConfigs {

    static final String NAME = "name";
    static final String SERVER_OWNED = "out_dir";
    static final String DATA = "data";
    private static final String OUTSIDE = "the trainer reads preference data only from its preference data root "
            + "(sppo.trainer.preference-models.data-root): name a file there, relative to it";

    private final Path work;
    private final ConfinedDirectory dataRoot;

    public PreferenceModelConfigs(TrainerProperties properties, PreferenceModelProperties preferenceModels) {
        this.work = properties.checkpointDir().resolve("preference-runs");
        this.dataRoot = new ConfinedDirectory(preferenceModels.dataRoot(), null);
    }

    /** The config run {@code id} trains with. */
    public TrainPreferenceConfig effective(String id, Map<String, Object> tree) {
        return new TrainPreferenceConfigReader().read(ConfigTree.merge(tree,
                Map.of(SERVER_OWNED, work.resolve(id).toString())));
    }

    /** A checked submission: its optional name, the kind it trains and its config tree (without the name). */
    public record Submission(String name, String kind, Map<String, Object> config) {}

    /**
     * Checks a submitted body: an optional {@code name} and a config tree.
     *
     * @throws InvalidJobConfigException naming the bad field
     */
    public Submission validate(Map<String, Object> body) {
        Map<String, Object> tree = new HashMap<>(body);
        Object name = tree.remove(NAME);
        if (name != null && !(name instanceof String)) {
            throw new InvalidJobConfigException(List.of(new FieldProblem(NAME, "expected text")));
        }
        if (tree.containsKey(SERVER_OWNED)) {
            throw new InvalidJobConfigException(List.of(new FieldProblem(SERVER_OWNED,
                    "owned by the server; leave it out")));
        }
        if (tree.get(DATA) != null) {
            tree.put(DATA, confinedData(tree.get(DATA)).toString());
        }
        try {
            TrainPreferenceConfig read = effective("validation", tree);
            if (read.kind() == PreferenceModelKind.ENCODER_HEAD) {
                throw new InvalidJobConfigException(List.of(new FieldProblem("kind", "encoder_head trains with "
                        + "./sppo train-preference; the platform trains ranker and reward_model (the directory an "
                        + "encoder head is written to serves as preference.kind encoder_head)")));
            }
            return new Submission((String) name, read.kind().name().toLowerCase(Locale.ROOT), tree);
        } catch (InvalidConfigException e) {
            throw new InvalidJobConfigException(List.of(FieldProblem.of(e)));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobConfigException(List.of(new FieldProblem("", e.getMessage())));
        }
    }

    /** The file {@code data} names inside the data root, absolute. */
    private Path confinedData(Object data) {
        if (!(data instanceof String text)) {
            throw new InvalidJobConfigException(List.of(new FieldProblem(DATA, "expected text")));
        }
        Path file = dataRoot.resolve(text)
                .orElseThrow(() -> new InvalidJobConfigException(List.of(new FieldProblem(DATA, OUTSIDE))));
        if (!Files.isRegularFile(file)) {
            throw new InvalidJobConfigException(List.of(new FieldProblem(DATA, "no file '" + text
                    + "' in the preference data root")));
        }
        return file;
    }
}
