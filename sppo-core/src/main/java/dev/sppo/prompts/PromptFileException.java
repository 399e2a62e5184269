package dev.sppo.prompts;

/** A prompt file that cannot be used; {@link #problem()} names the file, the line and the field. */
public final class PromptFileException extends RuntimeException {

    private final transient LineProblem problem;

    public PromptFileException(LineProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public LineProblem problem() {
        return problem;
    }
}
