package dev.sppo.trainer.config;

import dev.sppo.service.ConfinedDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learned and exported preference models a job names by {@code model_uri} (in {@code preference}, in
 * {@code evaluation.judge} and in any ensemble member's {@code spec}): a path or {@code file:} URI inside the
 * checkpoint store (where {@code POST /api/preference-models} writes them) or the models root. Anything else is
 * refused in the same words whether or not something lies there, so that a refusal tells nothing about the
 * trainer's disk. A confined one becomes the absolute path it resolves to (links followed), which is what the
 * preference-service is asked to load.
 */
final class PreferenceReferences {

    private static final String MODEL_URI = "model_uri";
    private static final String MEMBERS = "members";
    private static final String SPEC = "spec";
    private static final String OUTSIDE = "a learned or exported preference model must lie in the trainer's "
            + "checkpoint store (train one with POST /api/preference-models and give its uri) or in its models root";

    private final List<ConfinedDirectory> roots;

    /** @param roots where a job's preference models may lie */
    PreferenceReferences(List<ConfinedDirectory> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * Resolves the spec at {@code field} (such as {@code preference}) and its members: each {@code model_uri}
     * inside a root becomes its absolute path; one outside them is removed from {@code spec} and reported.
     */
    @SuppressWarnings("unchecked")
    List<FieldProblem> resolve(String field, Map<String, Object> spec) {
        List<FieldProblem> problems = new ArrayList<>();
        Object uri = spec.get(MODEL_URI);
        if (uri != null) {
            Optional<Path> confined = uri instanceof String text ? confined(text) : Optional.empty();
            if (confined.isPresent()) {
                spec.put(MODEL_URI, confined.get().toString());
            } else {
                spec.remove(MODEL_URI);
                problems.add(new FieldProblem(field + "." + MODEL_URI, OUTSIDE));
            }
        }
        if (spec.get(MEMBERS) instanceof List<?> members) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i) instanceof Map<?, ?> member && member.get(SPEC) instanceof Map<?, ?> inner) {
                    problems.addAll(resolve(field + "." + MEMBERS + "[" + i + "]." + SPEC, (Map<String, Object>) inner));
                }
            }
        }
        return problems;
    }

    private Optional<Path> confined(String uri) {
        return roots.stream().flatMap(root -> root.resolveLocation(uri).stream()).findFirst();
    }
}
