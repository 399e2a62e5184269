package dev.sppo.trainer.config;

import dev.sppo.prompts.PromptFields;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.dataset.Dataset;
import dev.sppo.trainer.dataset.DatasetStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The references of a job's {@code prompts} section: {@code dataset: ID} (and optionally {@code eval_dataset: ID},
 * held-out prompts of their own) name datasets uploaded with {@code POST /datasets} and become {@code path} (and
 * {@code eval_path}), the stored files, plus the field names the files were checked with ({@code id_field},
 * {@code prompt_field}, {@code messages_field}; written only when they are not the defaults, a form that is not read
 * as null). The trainer reads no other prompt file, so those settings belong to the datasets and a job may not give
 * them.
 */
final class DatasetReferences {

    static final String SECTION = "prompts";
    private static final String DATASET = "dataset";
    private static final String EVAL_DATASET = "eval_dataset";
    private static final List<String> SET_BY_DATASET = List.of("path", "eval_path", "format", "id_field",
            "prompt_field", "messages_field");

    private final DatasetStore datasets;

    DatasetReferences(DatasetStore datasets) {
        this.datasets = datasets;
    }

    /**
     * Replaces the dataset references in {@code prompts} by the stored files of datasets {@code caller} may see;
     * returns what could not be resolved.
     */
    List<FieldProblem> resolve(Map<String, Object> prompts, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : SET_BY_DATASET) {
            if (prompts.containsKey(key)) {
                prompts.remove(key);
                problems.add(new FieldProblem(field(key), key.endsWith("path")
                        ? "the trainer reads only uploaded datasets: name one as prompts.dataset (POST /api/datasets)"
                        : "set by the uploaded dataset; leave it out"));
            }
        }
        Object train = prompts.remove(DATASET);
        Object eval = prompts.remove(EVAL_DATASET);
        try {
            Dataset dataset = find(DATASET, train, caller);
            prompts.put("path", datasets.path(dataset).toString());
            if (!dataset.fields().equals(PromptFields.DEFAULT)) {
                prompts.put("id_field", dataset.fields().id());
                prompts.put("prompt_field", dataset.fields().prompt());
                prompts.put("messages_field", dataset.fields().messages());
            }
            if (eval != null) {
                prompts.put("eval_path", datasets.path(heldOut(eval, dataset, caller)).toString());
            }
        } catch (UnresolvedReferenceException e) {
            problems.add(e.problem());
        }
        return problems;
    }

    private Dataset find(String key, Object id, Caller caller) {
        if (id == null) {
            throw new UnresolvedReferenceException(field(key),
                    "required: the trainer reads prompts only from uploaded datasets (POST /api/datasets)");
        }
        if (!(id instanceof String text)) {
            throw new UnresolvedReferenceException(field(key), "expected text");
        }
        return datasets.find(text, caller).orElseThrow(() -> new UnresolvedReferenceException(field(key),
                "no dataset with id '" + text + "' (GET /api/datasets lists them)"));
    }

    /** The eval dataset; one reader reads both files, so it must have been checked with the same fields. */
    private Dataset heldOut(Object id, Dataset train, Caller caller) {
        Dataset eval = find(EVAL_DATASET, id, caller);
        if (!eval.fields().equals(train.fields())) {
            throw new UnresolvedReferenceException(field(EVAL_DATASET), "was checked with " + describe(eval.fields())
                    + ", prompts.dataset with " + describe(train.fields()) + "; both files are read with the same fields");
        }
        return eval;
    }

    private static String describe(PromptFields fields) {
        return "id_field " + fields.id() + ", prompt_field " + fields.prompt() + ", messages_field " + fields.messages();
    }

    private static String field(String key) {
        return SECTION + "." + key;
    }
}
