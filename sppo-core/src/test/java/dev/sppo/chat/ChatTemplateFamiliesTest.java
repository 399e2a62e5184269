package dev.sppo.chat;

import static dev.sppo.chat.ChatFixtures.LLAMA2;
import static dev.sppo.chat.ChatFixtures.LLAMA3;
import static dev.sppo.chat.ChatFixtures.QWEN2_5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published chat templates of three families render exactly what transformers' {@code apply_chat_template}
 * renders (expected texts from {@code src/test/python/chat_templates.py}, which renders them with Jinja2 as
 * transformers does), and encode to the ids the tokenizers library gives that text without added special tokens.
 * See {@link ChatFixtures} for the ids.
 */
class ChatTemplateFamiliesTest {

    private static final List<ChatMessage> CONVERSATION = List.of(
            new ChatMessage("system", "Be brief."),
            new ChatMessage("user", "  Hi there  "),
            new ChatMessage("assistant", "Hello!"),
            new ChatMessage("user", "What is 2+2?"));

    private static final List<ChatMessage> USER_ONLY = List.of(new ChatMessage("user", "Hi"));

    @TempDir
    Path tmp;

    @Test
    void llama3WritesAHeaderPerTurnTrimsEachMessageAndStartsWithBosOnce() {
        assertPrompt(LLAMA3, CONVERSATION,
                "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n",
                256, 258, 115, 121, 115, 116, 101, 109, 259, 10, 10, 66, 101, 32, 98, 114, 105, 101, 102, 46, 260,
                258, 117, 115, 101, 114, 259, 10, 10, 72, 105, 32, 116, 104, 101, 114, 101, 260,
                258, 97, 115, 115, 105, 115, 116, 97, 110, 116, 259, 10, 10, 72, 101, 108, 108, 111, 33, 260,
                258, 117, 115, 101, 114, 259, 10, 10, 87, 104, 97, 116, 32, 105, 115, 32, 50, 43, 50, 63, 260,
                258, 97, 115, 115, 105, 115, 116, 97, 110, 116, 259, 10, 10);
    }

    @Test
    void llama3WithASingleUserTurn() {
        // <|begin_of_text|> <|start_header_id|> "user" <|end_header_id|> "\n\nHi" <|eot_id|>, then the header
        // of the assistant's turn
        assertPrompt(LLAMA3, USER_ONLY,
                "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n",
                256, 258, 117, 115, 101, 114, 259, 10, 10, 72, 105, 260,
                258, 97, 115, 115, 105, 115, 116, 97, 110, 116, 259, 10, 10);
    }

    @Test
    void withoutTheGenerationPromptTheTextEndsAfterTheLastTurn() {
        try (TextTokenizer tokenizer = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, LLAMA3))) {
            assertThat(template(tokenizer).render(USER_ONLY, false))
                    .isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>");
        }
    }

    @Test
    void qwenWritesTheGivenSystemMessageAndKeepsTheUsersSpaces() {
        assertPrompt(QWEN2_5, CONVERSATION,
                "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n  Hi there  <|im_end|>\n"
                        + "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n",
                257, 115, 121, 115, 116, 101, 109, 10, 66, 101, 32, 98, 114, 105, 101, 102, 46, 258, 10,
                257, 117, 115, 101, 114, 10, 32, 32, 72, 105, 32, 116, 104, 101, 114, 101, 32, 32, 258, 10,
                257, 97, 115, 115, 105, 115, 116, 97, 110, 116, 10, 72, 101, 108, 108, 111, 33, 258, 10,
                257, 117, 115, 101, 114, 10, 87, 104, 97, 116, 32, 105, 115, 32, 50, 43, 50, 63, 258, 10,
                257, 97, 115, 115, 105, 115, 116, 97, 110, 116, 10);
    }

    @Test
    void qwenAddsItsDefaultSystemPromptWhenTheConversationHasNone() {
        assertPrompt(QWEN2_5, USER_ONLY,
                "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n"
                        + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
                257, 115, 121, 115, 116, 101, 109, 10, 89, 111, 117, 32, 97, 114, 101, 32, 81, 119, 101, 110, 44,
                32, 99, 114, 101, 97, 116, 101, 100, 32, 98, 121, 32, 65, 108, 105, 98, 97, 98, 97, 32, 67, 108,
                111, 117, 100, 46, 32, 89, 111, 117, 32, 97, 114, 101, 32, 97, 32, 104, 101, 108, 112, 102, 117,
                108, 32, 97, 115, 115, 105, 115, 116, 97, 110, 116, 46, 258, 10,
                257, 117, 115, 101, 114, 10, 72, 105, 258, 10, 257, 97, 115, 115, 105, 115, 116, 97, 110, 116, 10);
    }

    @Test
    void llama2FoldsTheSystemMessageIntoTheFirstUserTurn() {
        assertPrompt(LLAMA2, CONVERSATION,
                "<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\n  Hi there [/INST] Hello! </s>"
                        + "<s>[INST] What is 2+2? [/INST]",
                1, 259, 94, 76, 81, 86, 87, 96, 259, 63, 63, 86, 92, 86, 65, 65, 13, 69, 104, 259, 101, 117, 108,
                104, 105, 49, 13, 63, 63, 50, 86, 92, 86, 65, 65, 13, 13, 259, 259, 75, 108, 259, 119, 107, 104,
                117, 104, 259, 94, 50, 76, 81, 86, 87, 96, 259, 75, 104, 111, 111, 114, 36, 259, 2,
                1, 259, 94, 76, 81, 86, 87, 96, 259, 90, 107, 100, 119, 259, 108, 118, 259, 53, 46, 53, 66, 259,
                94, 50, 76, 81, 86, 87, 96);
    }

    @Test
    void llama2WithASingleUserTurn() {
        // <s>, then "▁[INST]▁Hi▁[/INST]": "▁" 259, byte b as b + 3 ('[' 91 -> 94, 'H' 72 -> 75)
        assertPrompt(LLAMA2, USER_ONLY, "<s>[INST] Hi [/INST]",
                1, 259, 94, 76, 81, 86, 87, 96, 259, 75, 108, 259, 94, 50, 76, 81, 86, 87, 96);
    }

    @Test
    void llama2RefusesRolesThatDoNotAlternateNamingItsTemplate() {
        Path dir = ChatFixtures.tokenizerDir(tmp, LLAMA2);
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            List<ChatMessage> twoUsers = List.of(new ChatMessage("user", "a"), new ChatMessage("user", "b"));

            assertThatThrownBy(() -> template(tokenizer).prompt(twoUsers))
                    .isInstanceOf(ChatTemplateException.class)
                    .hasMessage("the chat template 'default' of " + dir.resolve("tokenizer_config.json")
                            + " refused the conversation: Conversation roles must alternate "
                            + "user/assistant/user/assistant/...");
        }
    }

    @Test
    void decodingAResponseDropsTheEndOfTurnToken() {
        try (TextTokenizer llama3 = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, LLAMA3));
                TextTokenizer llama2 = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, LLAMA2))) {
            assertThat(llama3.decode(new int[] {72, 105, 33, 260})).isEqualTo("Hi!");
            assertThat(llama2.decode(new int[] {259, 75, 108, 36, 2})).isEqualTo("Hi!");
        }
    }

    private void assertPrompt(String family, List<ChatMessage> messages, String text, int... ids) {
        try (TextTokenizer tokenizer = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, family))) {
            RenderedPrompt prompt = template(tokenizer).prompt(messages);

            assertThat(prompt.text()).isEqualTo(text);
            assertThat(prompt.ids()).containsExactly(ids);
        }
    }

    private static ChatTemplate template(TextTokenizer tokenizer) {
        return ChatTemplate.of(tokenizer).orElseThrow();
    }
}
