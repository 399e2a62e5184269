package dev.sppo.study;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loss.LossType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link StudyConfig} from YAML or JSON merged over {@code default-study.yaml}. Every run's config is
 * checked up front, so that a typo in a method's overrides fails before the first run starts, naming the
 * method and the field.
 */
public final class StudyConfigReader {

    private static final String DEFAULTS = "default-study.yaml";
    private static final List<String> SET_BY_THE_STUDY = List.of("task", "seed", "iterations", "run_dir");

    private StudyConfigReader() {}

    /** The built-in default study. */
    public static StudyConfig defaults() {
        return read(Map.of());
    }

    /** Reads {@code file} over the defaults. */
    public static StudyConfig read(Path file) throws IOException {
        Map<String, Object> tree = SppoConfigReader.parseFile(file);
        try {
            return read(tree);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
    }

    /** Applies {@code overrides} (a parsed config tree) over the defaults. */
    public static StudyConfig read(Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(ConfigTree.merge(builtInDefaults(), overrides));
        List<StudyMethod> methods = methods(ConfigLists.sections(merged.remove("methods"), "methods", "loss"));
        List<Long> seeds = ConfigLists.longs(merged.remove("seeds"), "seeds");
        List<StudyTask> tasks = ConfigLists.sections(merged.remove("tasks"), "tasks", "name").stream()
                .map(section -> new StudyTask(String.valueOf(section.get("name")), section)).toList();
        Map<String, Object> base = ConfigLists.section(merged.remove("train"), "train");
        refuseStudySettings("train", base);
        ConfigTree root = new ConfigTree("", merged);
        ConfigTree kl = root.child("kl");
        StudyConfig config = root.validated("", () -> new StudyConfig(base, methods, seeds, tasks,
                root.integer("iterations", 3), kl.integer("prompts", 500), kl.integer("samples_per_prompt", 2),
                Path.of(root.string("output_dir", "docs")), Path.of(root.string("runs_dir", "runs/study"))));
        kl.checkNoUnknownKeys();
        root.checkNoUnknownKeys();
        config.runs().forEach(config::runConfig);
        return config;
    }

    private static List<StudyMethod> methods(List<Map<String, Object>> entries) {
        List<StudyMethod> methods = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigTree entry = new ConfigTree("methods[" + i + "]", entries.get(i));
            String lossName = entry.string("loss", null);
            LossType loss = entry.validated("loss", () -> LossType.parse(lossName));
            Map<String, Object> train = ConfigLists.section(entries.get(i).get("train"), "methods[" + i + "].train");
            entry.child("train"); // a known key; its settings are checked with each run's config
            refuseStudySettings("methods[" + i + "].train", train);
            methods.add(entry.validated("name", () -> new StudyMethod(entry.string("name", lossName), loss, train)));
            entry.checkNoUnknownKeys();
        }
        return methods;
    }

    private static void refuseStudySettings(String path, Map<String, Object> runSettings) {
        for (String key : SET_BY_THE_STUDY) {
            if (runSettings.containsKey(key)) {
                throw new InvalidConfigException(path + "." + key + ": set by the study (tasks, seeds, iterations, "
                        + "runs_dir), not per run");
            }
        }
    }

    private static Map<String, Object> builtInDefaults() {
        try (InputStream in = StudyConfigReader.class.getResourceAsStream(DEFAULTS)) {
            return SppoConfigReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + DEFAULTS, e);
        }
    }
}
