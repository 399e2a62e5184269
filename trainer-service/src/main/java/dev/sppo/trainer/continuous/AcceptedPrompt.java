package dev.sppo.trainer.continuous;

import java.util.Map;

/**
 * A prompt read from {@code sppo.prompts} that passed its checks, ready to be stored.
 *
 * @param id the prompt id (the record's {@code id})
 * @param text the prompt text, a prompt of the job's task
 * @param metadata the record's metadata
 * @param source {@code topic-partition@offset} of the record it came from
 */
record AcceptedPrompt(String id, String text, Map<String, String> metadata, String source) {}
