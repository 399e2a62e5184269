package dev.sppo.prompts;

/**
 * A prompt given as text, fed to the model as it is.
 *
 * @param text the prompt, not blank
 */
public record PlainPrompt(String text) implements PromptContent {

    public PlainPrompt {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a plain prompt needs a text that is not blank");
        }
    }
}
