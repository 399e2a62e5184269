package dev.sppo.prompts;

import java.util.Optional;

/**
 * A rule each prompt must meet beyond the file's own, such as the model's chat template accepting its conversation.
 * A prompt that fails it is a bad line like any other: named by file, line and its prompt or messages field, and
 * refused or left out as {@link BadLinePolicy} says.
 */
@FunctionalInterface
public interface PromptCheck {

    /** Accepts every prompt: only the file's own rules apply. */
    PromptCheck NONE = content -> Optional.empty();

    /** @return why {@code content} cannot be used, in words; empty when it can */
    Optional<String> refusal(PromptContent content);
}
