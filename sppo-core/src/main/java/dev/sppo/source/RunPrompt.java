package dev.sppo.source;

import java.util.Objects;

/**
 * One prompt as a run uses it: what the judges read and what the policy is conditioned on.
 *
 * @param id unique within the run's prompts
 * @param text the prompt as a judge reads it: a plain prompt's text, or a conversation as {@link PromptRenderer}
 *     writes it out for judges
 * @param modelText the text the policy is conditioned on: the plain text, or the conversation rendered with the
 *     model's chat template
 * @param ids the token ids of {@code modelText} as the policy sees them
 */
public record RunPrompt(String id, String text, String modelText, int[] ids) {

    public RunPrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modelText, "modelText");
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }
}
