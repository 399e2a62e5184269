package dev.sppo.trainer.continuous;

import dev.sppo.contracts.StreamMessage;

import java.util.List;
import java.util.Map;

/**
 * A prompt read from {@code sppo.prompts} that passed its checks, ready to be stored.
 *
 * @param id the prompt id (the record's {@code id})
 * @param text the prompt as judges read it: a plain prompt's text, or a conversation written out
 * @param messages a chat prompt's conversation, or null for a plain prompt
 * @param metadata the record's metadata
 * @param source {@code topic-partition@offset} of the record it came from
 */
record AcceptedPrompt(String id, String text, List<StreamMessage> messages, Map<String, String> metadata,
        String source) {}
