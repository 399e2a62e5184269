package dev.sppo.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The longest prompt a job takes, and what happens to a longer one.
 *
 * @param maxPromptTokens the most tokens a prompt may count ({@code max_prompt_tokens}), at least 1
 * @param truncate what a longer prompt becomes ({@code truncate})
 */
public record PromptLengthLimit(int maxPromptTokens, TruncateMode truncate) {

    /** 1024 tokens, keeping the end of a longer prompt. */
    public static final PromptLengthLimit DEFAULT = new PromptLengthLimit(1024, TruncateMode.LEFT);

    public PromptLengthLimit {
        if (maxPromptTokens < 1) {
            throw new IllegalArgumentException("max_prompt_tokens: must be >= 1, got " + maxPromptTokens);
        }
        Objects.requireNonNull(truncate, "truncate");
    }

    /**
     * The prompts within the limit, in order: each one longer than {@code maxPromptTokens} by {@code counter} is
     * cut by {@link LeftTruncation} (counted as truncated; as skipped if even its shortest cut is too long) or,
     * under {@link TruncateMode#SKIP}, left out (counted as skipped).
     */
    public LimitedPrompts apply(List<PromptRecord> prompts, PromptTokenCounter counter) {
        List<PromptRecord> kept = new ArrayList<>(prompts.size());
        int truncated = 0;
        int skipped = 0;
        for (PromptRecord prompt : prompts) {
            if (counter.count(prompt.content()) <= maxPromptTokens) {
                kept.add(prompt);
                continue;
            }
            Optional<PromptContent> cut = truncate == TruncateMode.LEFT
                    ? LeftTruncation.cut(prompt.content(), maxPromptTokens, counter)
                    : Optional.empty();
            if (cut.isPresent()) {
                kept.add(prompt.withContent(cut.get()));
                truncated++;
            } else {
                skipped++;
            }
        }
        return new LimitedPrompts(kept, truncated, skipped);
    }
}
