package dev.sppo.trainer.config;

import dev.sppo.checkpoint.SaveOptions;
import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loop.WeightsConfig;
import dev.sppo.model.WeightPrecision;
import dev.sppo.preference.PreferenceModelSpec;
import dev.sppo.prompts.PromptFileException;
import dev.sppo.service.auth.Caller;
import dev.sppo.task.Split;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;
import dev.sppo.trainer.TrainerProperties;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a job's config tree exactly as {@code ./sppo train --config} does ({@link SppoConfigReader#read(Map)}:
 * same defaults, same checks), with the directories the server owns: {@code run_dir} and {@code cache_dir}
 * (the warm-start cache, under the checkpoint store root), and with what the tree names on this server (an
 * uploaded dataset, model or a checkpoint) resolved to its files first ({@link JobReferences}). The service's own
 * {@link JobSection}s (a continuous job's {@code continuous} section) are set aside from the run config and
 * checked by their owners.
 */
@Component
public class JobConfigs {

    static final List<String> SERVER_OWNED = List.of("run_dir", "cache_dir");
    /** The one key of a submission that is not part of the config tree. */
    static final String NAME = "name";
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_PROBLEMS = 20;

    private final Path runs;
    private final Path warmStartCache;
    private final int maxTrainPrompts;
    private final List<JobSection> sections;
    private final JobReferences references;

    public JobConfigs(TrainerProperties properties, List<JobSection> sections, JobReferences references) {
        this.runs = properties.runsDir();
        this.warmStartCache = properties.checkpointDir().resolve("warm-start");
        this.maxTrainPrompts = properties.maxTrainPrompts();
        this.sections = List.copyOf(sections);
        this.references = references;
    }

    /**
     * The run config of a stored, validated job (the service's {@link JobSection}s aside).
     *
     * @throws InvalidJobConfigException when something it names is no longer on this server
     */
    public SppoConfig effective(String jobId, Map<String, Object> tree) {
        return read(jobId, references.resolve(tree, Caller.PLATFORM).orThrow());
    }

    private SppoConfig read(String jobId, Map<String, Object> resolved) {
        Map<String, Object> sppo = ConfigTrees.deepCopy(resolved);
        for (JobSection section : sections) {
            sppo.remove(section.key());
        }
        return new SppoConfigReader().read(ConfigTree.merge(sppo, Map.of(
                "run_dir", runs.resolve(jobId).toString(), "cache_dir", warmStartCache.toString())));
    }

    /** The preference model a job's responses are scored with, as its generation requests carry it. */
    public PreferenceSpec preference(SppoConfig config) {
        return JobPreferences.toContract(config.preference());
    }

    /**
     * Checks a submitted body: an optional {@code name} and a config tree.
     *
     * @throws InvalidJobConfigException listing every bad field: each one the reader reports is set aside
     *     (its default applies; a missing field sets its whole top-level section aside) and the tree is read
     *     again, so one request shows all the mistakes; a reference that names nothing on this server is set
     *     aside the same way, and what the reader cannot see (enough prompts) is checked on the rest
     */
    public JobSubmission validate(Map<String, Object> body, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> config = ConfigTrees.deepCopy(body);
        Object name = config.remove(NAME);
        if (name != null && !(name instanceof String text && text.length() <= MAX_NAME_LENGTH)) {
            problems.add(new FieldProblem(NAME, "expected text of at most " + MAX_NAME_LENGTH + " characters"));
        }
        Map<String, Object> remaining = ConfigTrees.deepCopy(config);
        for (String key : SERVER_OWNED) {
            if (remaining.containsKey(key)) {
                problems.add(new FieldProblem(key, "owned by the server; leave it out"));
                remaining.remove(key);
            }
        }
        for (JobSection section : sections) {
            if (remaining.containsKey(section.key())) {
                check(section, remaining.get(section.key()), problems);
            }
        }
        Resolution resolution = references.resolve(remaining, caller);
        SppoConfig read = readCollecting(resolution.tree(), problems);
        if (read != null && problems.isEmpty()) {
            problems.addAll(feasibility(read));
        }
        problems.addAll(resolution.problems());
        if (!problems.isEmpty()) {
            throw new InvalidJobConfigException(problems);
        }
        return new JobSubmission((String) name, config, caller.name());
    }

    private static void check(JobSection section, Object value, List<FieldProblem> problems) {
        try {
            section.check(value);
        } catch (InvalidConfigException e) {
            problems.add(FieldProblem.of(e));
        }
    }

    private SppoConfig readCollecting(Map<String, Object> remaining, List<FieldProblem> problems) {
        for (int attempt = 0; attempt < MAX_PROBLEMS; attempt++) {
            try {
                return read("validation", remaining);
            } catch (InvalidConfigException e) {
                FieldProblem problem = FieldProblem.of(e);
                problems.add(problem);
                if (!ConfigTrees.remove(remaining, problem.field())
                        && !ConfigTrees.remove(remaining, ConfigTrees.section(problem.field()))) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("", e.getMessage()));
                return null;
            }
        }
        return null;
    }

    /**
     * What the reader cannot see: preference models the platform can serve (LLM judges by name), at most
     * {@code max-train-prompts} training prompts, and prompts that can serve the job: enough of them in a built-in
     * task, or a prompt dataset that opens against the base model's tokenizer exactly as the job will open it (every
     * line read, chat prompts rendered, long prompts cut or counted).
     */
    private List<FieldProblem> feasibility(SppoConfig config) {
        List<FieldProblem> problems = new ArrayList<>();
        servedAsConfigured(config, problems);
        servable(config.preference(), problems);
        if (config.evaluation().judge() != null) {
            servable(config.evaluation().judge(), problems);
        }
        long trainPrompts = (long) config.promptsPerIteration() * config.iterations();
        if (trainPrompts > maxTrainPrompts) {
            problems.add(new FieldProblem("prompts_per_iteration", "iterations × prompts_per_iteration = "
                    + trainPrompts + " training prompts; this trainer allows at most " + maxTrainPrompts));
        } else if (config.builtInTask().isPresent()) {
            promptsAvailable(config, Split.TRAIN, (int) trainPrompts, "prompts_per_iteration", problems);
            promptsAvailable(config, Split.HELD_OUT, config.evaluation().prompts(), "evaluation.prompts", problems);
        } else {
            datasetOpens(config, problems);
        }
        return problems;
    }

    /**
     * What the platform cannot serve as it says: a half-precision base (generators sample π_t from the stored
     * checkpoints in float32, so a base the trainer held in half precision would not be the policy that sampled, and
     * the log-probs recorded at sampling would not be π_t's), and sharded checkpoints (a checkpoint row records the
     * digest of one weights file). LoRA adapters and {@code save.dtype} are served.
     */
    private static void servedAsConfigured(SppoConfig config, List<FieldProblem> problems) {
        WeightsConfig weights = config.weights();
        if (weights.baseDtype() != WeightPrecision.FLOAT32) {
            problems.add(new FieldProblem("base.dtype", "a base held in " + weights.baseDtype().configName()
                    + " runs in `./sppo train` only: platform generators sample from the stored checkpoints in "
                    + "float32; leave base.dtype out (float32)"));
        }
        if (weights.save().maxShardBytes() != SaveOptions.DEFAULT.maxShardBytes()) {
            problems.add(new FieldProblem("save.max_shard_size", "sharded checkpoints run in `./sppo train` only: "
                    + "a platform checkpoint is one weights file; leave max_shard_size out"));
        }
    }

    private static void servable(PreferenceModelSpec spec, List<FieldProblem> problems) {
        try {
            JobPreferences.toContract(spec);
        } catch (InvalidConfigException e) {
            problems.add(FieldProblem.of(e));
        }
    }

    private static void datasetOpens(SppoConfig config, List<FieldProblem> problems) {
        try (TextTokenizer tokenizer = Tokenizers.load(config.basePath())) {
            config.prompts().open(tokenizer, config.promptBudget());
        } catch (InvalidConfigException e) {
            problems.add(FieldProblem.of(e));
        } catch (PromptFileException | IOException e) {
            problems.add(new FieldProblem("prompts", e.getMessage()));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(new InvalidConfigException(e.getMessage())));
        }
    }

    private static void promptsAvailable(SppoConfig config, Split split, int count, String field,
            List<FieldProblem> problems) {
        try {
            config.task().task().prompts(split, count);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
        }
    }
}
