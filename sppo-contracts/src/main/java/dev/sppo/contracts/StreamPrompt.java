package dev.sppo.contracts;

import java.util.Map;

/**
 * One prompt on {@code sppo.prompts}, the stream that feeds continuous alignment (for example production
 * traffic). It is the only contract written by outside producers, so it carries no {@code version} field.
 *
 * @param id the key; a continuous job uses each id at most once (a repeated id is a duplicate)
 * @param prompt the prompt text, which must be a prompt of the consuming job's task
 * @param metadata free-form string pairs (source, tenant, ...), stored with the prompt; absent means empty
 */
public record StreamPrompt(String id, String prompt, Map<String, String> metadata) {

    public StreamPrompt {
        Require.text("StreamPrompt", "id", id);
        Require.text("StreamPrompt", "prompt", prompt);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
