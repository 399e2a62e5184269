package dev.sppo.contracts;

/**
 * One turn of a chat prompt on {@code sppo.prompts}, in the Hugging Face / OpenAI message shape.
 *
 * @param role who speaks: {@code system}, {@code user} or {@code assistant}
 * @param content what is said
 */
public record StreamMessage(String role, String content) {

    public StreamMessage {
        Require.text("StreamMessage", "role", role);
        if (content == null) {
            throw new InvalidMessageException("StreamMessage", "content", "required, got null");
        }
    }
}
