package dev.sppo.prompts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt of a dataset.
 *
 * @param id unique within the dataset: the file's own id, or {@link PromptIds#contentId} of the content
 * @param content the plain text or the conversation
 * @param metadata the file's {@code metadata} object (JSONL) or the other columns (CSV), in file order, passed
 *     through untouched; values are JSON values as {@link JsonValues} converts them. Read-only.
 */
public record PromptRecord(String id, PromptContent content, Map<String, Object> metadata) {

    public PromptRecord {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a prompt record needs a non-empty id");
        }
        Objects.requireNonNull(content, "content");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The same prompt with other content (a truncated one), id and metadata kept. */
    public PromptRecord withContent(PromptContent replacement) {
        return new PromptRecord(id, replacement, metadata);
    }
}
