package dev.sppo.study;

import java.nio.file.Path;

/**
 * One run of a study.
 *
 * @param task built-in task name
 * @param method the method's name
 * @param seed master seed
 */
public record RunKey(String task, String method, long seed) {

    /** The run's directory: {@code runsDir/<task>/<method>/seed-<s>}. */
    public Path dir(Path runsDir) {
        return runsDir.resolve(task).resolve(method).resolve("seed-" + seed);
    }

    @Override
    public String toString() {
        return task + " " + method + " seed " + seed;
    }
}
