package dev.sppo.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One turn of a conversation, as chat templates read it.
 *
 * @param role who speaks: {@code system}, {@code user} or {@code assistant} (a template may accept others)
 * @param content what is said
 */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** The message as a template sees it: a mapping with {@code role} and {@code content}. */
    Map<String, Object> asTemplateValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("role", role);
        value.put("content", content);
        return value;
    }
}
