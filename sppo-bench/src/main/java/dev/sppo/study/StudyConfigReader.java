package dev.sppo.study;

import dev.sppo.config.ConfigReader;
import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.loss.LossType;

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
public final class StudyConfigReader extends ConfigReader<StudyConfig> {

    private static final List<String> SET_BY_THE_STUDY = List.of("task", "seed", "iterations", "run_dir");

    public StudyConfigReader() {
        super("default-study.yaml");
    }

    @Override
    protected StudyConfig build(Map<String, Object> tree) {
        Map<String, Object> merged = new LinkedHashMap<>(tree);
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
}
