package dev.sppo.chat;

/**
 * A conversation rendered by a chat template with the generation prompt, and its token ids: the text encoded
 * without adding special tokens, since the template wrote those it wants.
 *
 * @param text the rendered text
 * @param ids its token ids
 */
public record RenderedPrompt(String text, int[] ids) {

    public RenderedPrompt {
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }
}
