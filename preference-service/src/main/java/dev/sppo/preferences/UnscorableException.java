package dev.sppo.preferences;

/**
 * A prompt that cannot be scored as asked: a preference spec this service cannot serve (an unknown task or LLM
 * judge name, a kind not supported yet), a prompt that is not one of the task's, or a K out of range. Retrying never helps, so a Kafka message that raises it is dead-lettered at once.
 */
final class UnscorableException extends RuntimeException {

    private final String field;
    private final String problem;

    /**
     * @param field the request field at fault, as the REST body names it ({@code preference.kind}, {@code prompt})
     * @param problem what is wrong with it
     */
    UnscorableException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}
