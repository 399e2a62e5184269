package dev.sppo.cli;

import dev.sppo.chat.ChatMessage;
import dev.sppo.chat.ChatMessages;
import dev.sppo.chat.RenderedPrompt;
import dev.sppo.chat.ChatTemplate;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * The prompt of {@code sppo generate}: text to encode, token ids to use as they are, or a conversation to render
 * with the model's chat template.
 */
final class PromptOption {

    /**
     * The prompt as the model gets it.
     *
     * @param ids its token ids
     * @param renderedText for {@code --messages}, the text the chat template rendered
     */
    record Prompt(int[] ids, Optional<String> renderedText) {}

    @Option(names = "--prompt", required = true, paramLabel = "TEXT",
            description = "Prompt text, encoded as a prompt (with the tokenizer's BOS, if it adds one).")
    String text;

    @Option(names = "--prompt-ids", required = true, split = ",", paramLabel = "IDS",
            description = "Prompt token ids, comma-separated, used verbatim (e.g. 1,5,9).")
    int[] ids;

    @Option(names = "--messages", required = true, paramLabel = "FILE",
            description = "A JSON array of chat messages ([{\"role\": \"user\", \"content\": \"...\"}, ...]), rendered "
                    + "with the model's chat template and the generation prompt.")
    Path messages;

    /**
     * Reads the {@code --messages} file, so that a bad one is refused before the model is loaded.
     *
     * @return the conversation, or empty for the other options
     * @throws IllegalArgumentException naming the file and its problem
     */
    Optional<List<ChatMessage>> conversation() throws IOException {
        if (messages == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChatMessages.read(messages));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--messages " + e.getMessage(), e);
        }
    }

    /**
     * The prompt's token ids, each checked against the model's vocabulary.
     *
     * @param conversation what {@link #conversation()} read
     * @param modelDir the model's directory, for messages
     */
    Prompt resolve(Optional<List<ChatMessage>> conversation, TextTokenizer tokenizer, int vocabSize, Path modelDir) {
        Prompt prompt = conversation.isPresent()
                ? chat(conversation.get(), tokenizer, modelDir)
                : new Prompt(text != null ? tokenizer.encodePrompt(text) : ids, Optional.empty());
        String flag = text != null ? "--prompt" : ids != null ? "--prompt-ids" : "--messages";
        if (prompt.ids().length == 0) {
            throw new IllegalArgumentException(flag + ": the prompt has no tokens; at least one is needed");
        }
        for (int id : prompt.ids()) {
            if (id < 0 || id >= vocabSize) {
                throw new IllegalArgumentException(
                        flag + ": token id " + id + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
        return prompt;
    }

    private Prompt chat(List<ChatMessage> conversation, TextTokenizer tokenizer, Path modelDir) {
        ChatTemplate template = ChatTemplate.of(tokenizer).orElseThrow(() -> new IllegalArgumentException(
                "--messages " + messages + ": the model " + modelDir + " has no chat template (no chat_template in "
                        + "tokenizer_config.json, no chat_template.jinja); give its prompt text with --prompt"));
        RenderedPrompt prompt = template.prompt(conversation);
        return new Prompt(prompt.ids(), Optional.of(prompt.text()));
    }
}
