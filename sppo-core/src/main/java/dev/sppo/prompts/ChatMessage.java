package dev.sppo.prompts;

import java.util.Objects;

/**
 * One message of a chat prompt.
 *
 * @param role who wrote it
 * @param content its text, possibly empty
 */
public record ChatMessage(Role role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
