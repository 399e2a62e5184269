package dev.sppo.contracts;

import java.util.List;
import java.util.Map;

/**
 * One prompt on {@code sppo.prompts}, the stream that feeds continuous alignment (for example production
 * traffic). It is the only contract written by outside producers, so it carries no {@code version} field.
 *
 * <p>A prompt is either plain text ({@code prompt}) or a conversation ({@code messages}, rendered with the model's
 * chat template), never both. What the consuming job takes depends on it: a job on a built-in task takes only plain
 * prompts of its task; a job on a prompt dataset takes any non-empty prompt its model can be given.
 *
 * @param id the key; a continuous job uses each id at most once (a repeated id is a duplicate)
 * @param prompt the prompt text; null when {@code messages} is given
 * @param messages the conversation, in order; null (or absent) for a plain prompt
 * @param metadata free-form string pairs (source, tenant, ...), stored with the prompt; absent means empty
 */
public record StreamPrompt(String id, String prompt, List<StreamMessage> messages, Map<String, String> metadata) {

    public StreamPrompt {
        Require.text("StreamPrompt", "id", id);
        if ((prompt == null) == (messages == null)) {
            throw new InvalidMessageException("StreamPrompt", "prompt", "give either prompt (text) or messages (a "
                    + "conversation), not " + (prompt == null ? "neither" : "both"));
        }
        if (prompt != null) {
            Require.text("StreamPrompt", "prompt", prompt);
        } else {
            messages = Require.list("StreamPrompt", "messages", messages);
            if (messages.stream().allMatch(m -> m.content().isBlank())) {
                throw new InvalidMessageException("StreamPrompt", "messages", "needs a message whose content is not "
                        + "blank");
            }
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A plain prompt. */
    public StreamPrompt(String id, String prompt, Map<String, String> metadata) {
        this(id, prompt, null, metadata);
    }
}
