package dev.sppo.prompts;

/**
 * The length in tokens of a prompt as the model will see it (a chat prompt rendered with its template); plugged in
 * by whoever owns the tokenizer. {@link LeftTruncation} assumes a shorter text never counts more tokens.
 */
@FunctionalInterface
public interface PromptTokenCounter {

    int count(PromptContent content);
}
