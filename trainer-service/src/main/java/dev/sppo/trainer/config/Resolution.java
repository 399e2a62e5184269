package dev.sppo.trainer.config;

import java.util.List;
import java.util.Map;

/**
 * A job config tree with its server references resolved ({@link JobReferences}).
 *
 * @param tree the resolved tree; a reference that could not be resolved is left out of it
 * @param problems one for each reference that could not be resolved
 */
public record Resolution(Map<String, Object> tree, List<FieldProblem> problems) {

    public Resolution {
        problems = List.copyOf(problems);
    }

    /**
     * The resolved tree.
     *
     * @throws InvalidJobConfigException listing the problems, if there are any
     */
    public Map<String, Object> orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidJobConfigException(problems);
        }
        return tree;
    }
}
