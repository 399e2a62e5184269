package dev.sppo.prompts;

import dev.sppo.chat.ChatMessage;

import java.util.List;

/**
 * A prompt given as a conversation, in order; the model answers as the next assistant turn.
 *
 * @param messages at least one message, and at least one whose content is not blank
 */
public record ChatPrompt(List<ChatMessage> messages) implements PromptContent {

    public ChatPrompt {
        messages = List.copyOf(messages);
        if (messages.stream().allMatch(m -> m.content().isBlank())) {
            throw new IllegalArgumentException("a chat prompt needs a message whose content is not blank");
        }
    }
}
