package dev.sppo.chat;

import dev.sppo.tokenizer.ChatTemplateSource;
import dev.sppo.tokenizer.TextTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's chat template, ready to turn conversations into prompts exactly as transformers' {@code
 * apply_chat_template} does: the template sees {@code messages} (each a mapping with {@code role} and {@code
 * content}), {@code add_generation_prompt} and the tokenizer's special tokens ({@code bos_token}, {@code
 * eos_token}, ... as text); the rendered text is encoded without adding special tokens, since the template wrote
 * those it wants, BOS included. See {@link JinjaEnvironment} for the Jinja dialect.
 *
 * <p>A directory with several named templates uses the one named {@value ChatTemplateSource#DEFAULT_NAME}.
 */
public final class ChatTemplate {

    private final TextTokenizer tokenizer;
    private final String description;
    private final Map<String, Object> specialTokens;
    private final JinjaEnvironment environment = new JinjaEnvironment();
    private final String prepared;

    private ChatTemplate(TextTokenizer tokenizer, ChatTemplateSource source, String name) {
        this.tokenizer = tokenizer;
        this.description = "the chat template '" + name + "' of " + source.file();
        this.specialTokens = source.specialTokens().asMap();
        this.prepared = environment.prepare(source.templates().get(name));
    }

    /**
     * @param tokenizer a model's tokenizer; prompts are encoded with it, and it must stay open while this is used
     * @return its chat template, or empty if the model has none
     * @throws ChatTemplateException if the model has several templates and none named {@value
     *     ChatTemplateSource#DEFAULT_NAME}
     */
    public static Optional<ChatTemplate> of(TextTokenizer tokenizer) {
        return tokenizer.chatTemplates().map(source -> {
            if (!source.templates().containsKey(ChatTemplateSource.DEFAULT_NAME)) {
                throw new ChatTemplateException(source.file() + " has several chat templates and none named '"
                        + ChatTemplateSource.DEFAULT_NAME + "': " + source.templates().keySet());
            }
            return new ChatTemplate(tokenizer, source, ChatTemplateSource.DEFAULT_NAME);
        });
    }

    /**
     * @param messages the conversation
     * @param addGenerationPrompt whether to end with the header that opens the assistant's turn
     * @return the rendered text
     * @throws ChatTemplateException if the template refuses the conversation ({@code raise_exception}, such as roles
     *     that do not alternate) or fails while rendering
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        Map<String, Object> variables = new HashMap<>(specialTokens);
        variables.put("messages", messages.stream().map(ChatMessage::asTemplateValue).toList());
        variables.put("add_generation_prompt", addGenerationPrompt);
        return environment.render(prepared, variables, description);
    }

    /**
     * The prompt that asks the model for the assistant's next turn: the conversation rendered with the generation
     * prompt, and its ids.
     *
     * @throws ChatTemplateException as {@link #render} does
     */
    public RenderedPrompt prompt(List<ChatMessage> messages) {
        String text = render(messages, true);
        return new RenderedPrompt(text, tokenizer.encode(text));
    }

    @Override
    public String toString() {
        return description;
    }
}
