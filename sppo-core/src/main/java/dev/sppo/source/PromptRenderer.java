package dev.sppo.source;

import dev.sppo.chat.ChatTemplate;
import dev.sppo.chat.ChatTemplateException;
import dev.sppo.chat.RenderedPrompt;
import dev.sppo.prompts.ChatPrompt;
import dev.sppo.prompts.PlainPrompt;
import dev.sppo.prompts.PromptContent;
import dev.sppo.prompts.PromptRecord;
import dev.sppo.prompts.Role;
import dev.sppo.tokenizer.TextTokenizer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a dataset's prompts into what the policy is conditioned on, by TRL's rule that only conversational data gets
 * the chat template:
 *
 * <ul>
 *   <li>a plain prompt is used as it is, on any model: its text, encoded with
 *       {@link TextTokenizer#encodePrompt} (with the BOS the tokenizer adds, if it adds one);
 *   <li>a chat prompt is rendered with the model's chat template and {@code add_generation_prompt = true}, and the
 *       rendered text is encoded without adding special tokens, since the template wrote those it wants
 *       ({@link ChatTemplate#prompt}).
 * </ul>
 *
 * <p>Judges read a chat prompt as its conversation written out, not as template markup: a single user message is
 * its content; any other conversation is one paragraph per message, {@code role: content}, separated by blank
 * lines.
 */
final class PromptRenderer {

    private final TextTokenizer tokenizer;
    private final Optional<ChatTemplate> template;

    /** @param tokenizer the policy's tokenizer; it must stay open while this renders */
    PromptRenderer(TextTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.template = ChatTemplate.of(tokenizer);
    }

    /**
     * @throws IllegalArgumentException naming the first chat prompt, when there is one and the model has no chat
     *     template
     */
    void requireTemplateFor(List<PromptRecord> prompts) {
        if (template.isPresent()) {
            return;
        }
        prompts.stream().filter(p -> p.content() instanceof ChatPrompt).findFirst().ifPresent(p -> {
            throw new IllegalArgumentException("prompts: prompt '" + p.id() + "' is a chat prompt, but the model at "
                    + "base.path has no chat template (chat_template in tokenizer_config.json, or "
                    + "chat_template.jinja); give plain prompts or a chat model");
        });
    }

    /**
     * Whether the model's chat template renders {@code content}: a {@link dev.sppo.prompts.PromptCheck}, so that a
     * conversation the template refuses ({@code raise_exception}, such as roles that do not alternate) or cannot
     * render is a bad line of the prompt file, found when the file is read rather than when its batch comes.
     *
     * @return the template's message for a chat prompt it refuses; empty for any other prompt, and for every prompt
     *     of a model without a template ({@link #requireTemplateFor} refuses chat prompts there)
     */
    Optional<String> refusal(PromptContent content) {
        if (!(content instanceof ChatPrompt chat) || template.isEmpty()) {
            return Optional.empty();
        }
        try {
            template.get().render(chat.messages(), true);
            return Optional.empty();
        } catch (ChatTemplateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** @throws ChatTemplateException when the template refuses the conversation */
    RunPrompt render(PromptRecord prompt) {
        return render(prompt.id(), prompt.content());
    }

    /** The prompt's length in tokens as the policy sees it: a {@link dev.sppo.prompts.PromptTokenCounter}. */
    int tokenCount(PromptContent content) {
        return render("", content).ids().length;
    }

    private RunPrompt render(String id, PromptContent content) {
        if (content instanceof PlainPrompt plain) {
            return new RunPrompt(id, plain.text(), plain.text(), tokenizer.encodePrompt(plain.text()));
        }
        ChatPrompt chat = (ChatPrompt) content;
        RenderedPrompt rendered = template.orElseThrow().prompt(chat.messages());
        return new RunPrompt(id, judgeText(chat), rendered.text(), rendered.ids());
    }

    private static String judgeText(ChatPrompt chat) {
        var messages = chat.messages();
        if (messages.size() == 1 && Role.USER.wireName().equals(messages.get(0).role())) {
            return messages.get(0).content();
        }
        return messages.stream().map(m -> m.role() + ": " + m.content())
                .collect(Collectors.joining("\n\n"));
    }
}
