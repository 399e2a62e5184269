package dev.sppo.task;

/**
 * One prompt of a task.
 *
 * @param id stable identifier, unique within a task; built-in tasks use {@code "<task>:<text>"}
 * @param text what the policy is conditioned on, for example {@code "37+485="}
 * @param answer the gold reference response, for example {@code "522"}
 */
public record Prompt(String id, String text, String answer) {

    public Prompt {
        requireNonEmpty(id, "id");
        requireNonEmpty(text, "text");
        requireNonEmpty(answer, "answer");
    }

    /** A prompt of {@code task} whose id is {@code "<task>:<text>"}, so that equal texts get equal ids. */
    public static Prompt of(String task, String text, String answer) {
        return new Prompt(task + ":" + text, text, answer);
    }

    private static void requireNonEmpty(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("prompt " + field + " must not be empty");
        }
    }
}
