package dev.sppo.trainer.continuous;

import dev.sppo.chat.ChatMessage;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.StreamMessage;
import dev.sppo.contracts.StreamPrompt;
import dev.sppo.prompts.ChatPrompt;
import dev.sppo.prompts.PlainPrompt;
import dev.sppo.prompts.PromptContent;
import dev.sppo.prompts.PromptRecord;
import dev.sppo.source.RunPrompt;
import dev.sppo.trainer.config.JobPrompts;

import java.util.List;
import java.util.Map;

/** A continuous job's stream prompts as the engine's prompt records, and what the job makes of them. */
final class StreamPrompts {

    private StreamPrompts() {}

    /**
     * The prompt as the job renders it for the policy ({@link JobPrompts#accept}).
     *
     * @param messages the conversation of a chat prompt, or null for the plain prompt {@code text}
     * @throws InvalidMessageException saying why the job cannot take the prompt
     */
    static RunPrompt render(JobPrompts prompts, String id, String text, List<StreamMessage> messages) {
        try {
            return prompts.accept(new PromptRecord(id, content(text, messages), Map.of()));
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("StreamPrompt", messages == null ? "prompt" : "messages",
                    e.getMessage());
        }
    }

    /** @throws InvalidMessageException saying why the job cannot take the prompt */
    static RunPrompt render(JobPrompts prompts, StreamPrompt prompt) {
        return render(prompts, prompt.id(), prompt.prompt(), prompt.messages());
    }

    private static PromptContent content(String text, List<StreamMessage> messages) {
        if (messages == null) {
            return new PlainPrompt(text);
        }
        return new ChatPrompt(messages.stream().map(m -> new ChatMessage(m.role(), m.content())).toList());
    }
}
