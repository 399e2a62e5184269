package dev.sppo.trainer.config;

import dev.sppo.model.LlamaConfig;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.basemodel.BaseModelRepository;
import dev.sppo.trainer.basemodel.ModelsRoot;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.job.JobRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The references of a job's {@code base} section. At most one of
 * <pre>
 *   path: DIR          a Hugging Face directory inside the models root (relative to it, or absolute)
 *   model: ID          a model uploaded with POST /models
 *   checkpoint: ID     a recorded checkpoint of any job the caller may see (its π_0 then names it as parent)
 * </pre>
 * becomes {@code base.path}, the directory's absolute path on the trainer. A model or a checkpoint of another
 * user's job is named in the same words as one that does not exist. A {@code path} outside the models root
 * is refused in the same words whether or not anything lies there, so that a refusal tells nothing about the
 * trainer's disk.
 */
public final class BaseReferences {

    static final String SECTION = "base";
    private static final String PATH = "path";
    private static final String MODEL = "model";
    private static final String CHECKPOINT = "checkpoint";
    private static final String OUTSIDE = "the trainer starts jobs only from directories inside its models root: "
            + "name one relative to it, upload a model (POST /api/models) and name it as base.model, or start from a"
            + " checkpoint with base.checkpoint";

    private final ModelsRoot root;
    private final BaseModelRepository models;
    private final CheckpointRepository checkpoints;
    private final JobRepository jobs;
    private final CheckpointStore store;

    BaseReferences(ModelsRoot root, BaseModelRepository models, CheckpointRepository checkpoints, JobRepository jobs,
            CheckpointStore store) {
        this.root = root;
        this.models = models;
        this.checkpoints = checkpoints;
        this.jobs = jobs;
        this.store = store;
    }

    /** The checkpoint a config's {@code base} names, if it names one. */
    public static Optional<String> checkpointOf(Map<String, Object> tree) {
        return tree.get(SECTION) instanceof Map<?, ?> base && base.get(CHECKPOINT) instanceof String id
                ? Optional.of(id) : Optional.empty();
    }

    /** Replaces the reference in {@code base} by {@code base.path}; returns what could not be resolved. */
    List<FieldProblem> resolve(Map<String, Object> base, Caller caller) {
        List<String> named = Stream.of(PATH, MODEL, CHECKPOINT).filter(key -> base.get(key) != null).toList();
        if (named.size() > 1) {
            named.forEach(base::remove);
            return List.of(new FieldProblem(field(named.get(1)), "base names " + String.join(" and ", named)
                    + "; name one of path, model and checkpoint"));
        }
        for (String key : named) {
            try {
                base.put(PATH, directory(key, base.remove(key), caller).toString());
            } catch (UnresolvedReferenceException e) {
                return List.of(e.problem());
            }
        }
        return List.of();
    }

    private Path directory(String key, Object value, Caller caller) {
        if (!(value instanceof String text)) {
            throw new UnresolvedReferenceException(field(key), "expected text");
        }
        return switch (key) {
            case PATH -> insideModelsRoot(text);
            case MODEL -> models.find(text, caller).map(root::directory).orElseThrow(() ->
                    new UnresolvedReferenceException(field(MODEL),
                            "no uploaded model with id '" + text + "' (GET /api/models lists them)"));
            default -> checkpoints.find(text).filter(c -> ofVisibleJob(c, caller)).map(BaseReferences::model)
                    .map(c -> store.directory(c.uri()))
                    .orElseThrow(() -> new UnresolvedReferenceException(field(CHECKPOINT),
                            "no checkpoint with id '" + text + "'"));
        };
    }

    private boolean ofVisibleJob(Checkpoint checkpoint, Caller caller) {
        return jobs.find(checkpoint.jobId()).filter(job -> caller.sees(job.owner())).isPresent();
    }

    /** A model checkpoint a job can start from; an adapter is refused, naming its base. */
    private static Checkpoint model(Checkpoint checkpoint) {
        if (checkpoint.base() != null) {
            throw new UnresolvedReferenceException(field(CHECKPOINT), "checkpoint '" + checkpoint.id()
                    + "' is a LoRA adapter on '" + checkpoint.base().id() + "'; a job starts from a model checkpoint "
                    + "(name the base, or `./sppo merge` the adapter into it and upload the result)");
        }
        return checkpoint;
    }

    private Path insideModelsRoot(String requested) {
        Path dir = root.resolve(requested).orElseThrow(() -> new UnresolvedReferenceException(field(PATH), OUTSIDE));
        if (!Files.isRegularFile(dir.resolve(LlamaConfig.FILE_NAME))) {
            throw new UnresolvedReferenceException(field(PATH), "no Hugging Face model directory ("
                    + LlamaConfig.FILE_NAME + ") at '" + requested + "' in the models root");
        }
        return dir;
    }

    private static String field(String key) {
        return SECTION + "." + key;
    }
}
