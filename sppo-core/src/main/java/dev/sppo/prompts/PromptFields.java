package dev.sppo.prompts;

/**
 * The names under which a prompt file holds its fields (JSONL keys, CSV header columns). A JSONL object has the
 * prompt field or the messages field, never both; setting one of them to null reads only the other form (for a
 * file that has both, such as an export of UltraFeedback with its answer-bearing {@code messages}).
 *
 * @param id the optional id field
 * @param prompt the plain prompt field, or null to read only chat prompts
 * @param messages the chat prompt field (JSONL only), or null to read only plain prompts
 */
public record PromptFields(String id, String prompt, String messages) {

    /** {@code id}, {@code prompt} and {@code messages}. */
    public static final PromptFields DEFAULT = new PromptFields("id", "prompt", "messages");

    public PromptFields {
        requireNonBlank("id_field", id);
        if (prompt == null && messages == null) {
            throw new IllegalArgumentException("prompt_field: prompt_field and messages_field cannot both be null");
        }
        if (prompt != null) {
            requireNonBlank("prompt_field", prompt);
        }
        if (messages != null) {
            requireNonBlank("messages_field", messages);
        }
    }

    private static void requireNonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": must name a field, got " + (value == null ? "null" : "\"\""));
        }
    }
}
