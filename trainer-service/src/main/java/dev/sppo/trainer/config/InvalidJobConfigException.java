package dev.sppo.trainer.config;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted job that cannot run; lists every bad field found. */
public final class InvalidJobConfigException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidJobConfigException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid job config needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
