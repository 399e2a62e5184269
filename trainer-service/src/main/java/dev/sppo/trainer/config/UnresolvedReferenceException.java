package dev.sppo.trainer.config;

/** A reference in a job config that names nothing this server has; carries the field problem to report. */
final class UnresolvedReferenceException extends RuntimeException {

    private final transient FieldProblem problem;

    UnresolvedReferenceException(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.problem = new FieldProblem(field, message);
    }

    FieldProblem problem() {
        return problem;
    }
}
