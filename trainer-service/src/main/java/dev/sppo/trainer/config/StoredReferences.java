package dev.sppo.trainer.config;

import dev.sppo.trainer.basemodel.BaseModelRepository;
import dev.sppo.trainer.basemodel.ModelsRoot;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.dataset.DatasetStore;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link JobReferences} of this trainer: the {@code base} section's model directory, uploaded model or
 * checkpoint ({@link BaseReferences}) and the {@code prompts} section's uploaded datasets ({@link DatasetReferences}).
 */
@Component
public class StoredReferences implements JobReferences {

    private final BaseReferences base;
    private final DatasetReferences prompts;

    public StoredReferences(ModelsRoot root, BaseModelRepository models, CheckpointRepository checkpoints,
            CheckpointStore store, DatasetStore datasets) {
        this.base = new BaseReferences(root, models, checkpoints, store);
        this.prompts = new DatasetReferences(datasets);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Resolution resolve(Map<String, Object> tree) {
        Map<String, Object> resolved = ConfigTrees.deepCopy(tree);
        List<FieldProblem> problems = new ArrayList<>();
        if (resolved.get(BaseReferences.SECTION) instanceof Map<?, ?> section) {
            problems.addAll(base.resolve((Map<String, Object>) section));
        }
        if (resolved.get(DatasetReferences.SECTION) instanceof Map<?, ?> section) {
            problems.addAll(prompts.resolve((Map<String, Object>) section));
        }
        return new Resolution(resolved, problems);
    }
}
