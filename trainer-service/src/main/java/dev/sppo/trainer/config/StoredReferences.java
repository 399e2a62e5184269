package dev.sppo.trainer.config;

import dev.sppo.service.ConfinedDirectory;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.basemodel.BaseModelRepository;
import dev.sppo.trainer.basemodel.ModelsRoot;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.dataset.DatasetStore;
import dev.sppo.trainer.job.JobRepository;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link JobReferences} of this trainer: the {@code base} section's model directory, uploaded model or
 * checkpoint ({@link BaseReferences}), the {@code prompts} section's uploaded datasets ({@link DatasetReferences})
 * and the preference models that {@code preference} and {@code evaluation.judge} name by {@code model_uri}, confined
 * to the checkpoint store and the models root ({@link PreferenceReferences}).
 */
@Component
public class StoredReferences implements JobReferences {

    private static final String PREFERENCE = "preference";
    private static final String EVALUATION = "evaluation";
    private static final String JUDGE = "judge";

    private final BaseReferences base;
    private final DatasetReferences prompts;
    private final PreferenceReferences preferences;

    public StoredReferences(ModelsRoot root, BaseModelRepository models, CheckpointRepository checkpoints,
            JobRepository jobs, CheckpointStore store, DatasetStore datasets, TrainerProperties properties) {
        this.base = new BaseReferences(root, models, checkpoints, jobs, store);
        this.prompts = new DatasetReferences(datasets);
        this.preferences = new PreferenceReferences(List.of(new ConfinedDirectory(properties.checkpointDir(), null),
                new ConfinedDirectory(root.root(), null)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Resolution resolve(Map<String, Object> tree, Caller caller) {
        Map<String, Object> resolved = ConfigTrees.deepCopy(tree);
        List<FieldProblem> problems = new ArrayList<>();
        if (resolved.get(BaseReferences.SECTION) instanceof Map<?, ?> section) {
            problems.addAll(base.resolve((Map<String, Object>) section, caller));
        }
        if (resolved.get(DatasetReferences.SECTION) instanceof Map<?, ?> section) {
            problems.addAll(prompts.resolve((Map<String, Object>) section, caller));
        }
        if (resolved.get(PREFERENCE) instanceof Map<?, ?> section) {
            problems.addAll(preferences.resolve(PREFERENCE, (Map<String, Object>) section));
        }
        if (resolved.get(EVALUATION) instanceof Map<?, ?> evaluation
                && evaluation.get(JUDGE) instanceof Map<?, ?> judge) {
            problems.addAll(preferences.resolve(EVALUATION + "." + JUDGE, (Map<String, Object>) judge));
        }
        return new Resolution(resolved, problems);
    }
}
