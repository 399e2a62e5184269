package dev.sppo.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplateTest {

    private static final List<ChatMessage> HI = List.of(new ChatMessage("user", "Hi"));

    @TempDir
    Path tmp;

    @Test
    void aTokenizerWithoutATemplateHasNoChatTemplate() {
        assertThat(ChatTemplate.of(new CharTokenizer("ab"))).isEmpty();
    }

    @Test
    void ofSeveralNamedTemplatesTheDefaultIsUsed() throws IOException {
        Path dir = withTemplates("[{\"name\": \"tool_use\", \"template\": \"tools\"},"
                + " {\"name\": \"default\", \"template\": \"{{ bos_token }}{{ messages[0].content }}\"}]");
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            assertThat(ChatTemplate.of(tokenizer).orElseThrow().render(HI, true)).isEqualTo("<s>Hi");
        }
    }

    @Test
    void severalTemplatesWithoutADefaultAreRefusedNamingThem() throws IOException {
        Path dir = withTemplates("[{\"name\": \"a\", \"template\": \"A\"}, {\"name\": \"b\", \"template\": \"B\"}]");
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            assertThatThrownBy(() -> ChatTemplate.of(tokenizer))
                    .isInstanceOf(ChatTemplateException.class)
                    .hasMessage(dir.resolve("tokenizer_config.json")
                            + " has several chat templates and none named 'default': [a, b]");
        }
    }

    @Test
    void theGenerationPromptIsEncodedWithoutAddingSpecialTokens() throws IOException {
        Path dir = withTemplates("\"{{ bos_token }}{{ messages[0].content }}\"");
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            // the post-processor would put another <s> (1) first; "▁" 259, 'H' 72 + 3, 'i' 105 + 3
            assertThat(ChatTemplate.of(tokenizer).orElseThrow().prompt(HI).ids()).containsExactly(1, 259, 75, 108);
            assertThat(tokenizer.encodePrompt("Hi")).containsExactly(1, 259, 75, 108);
            assertThat(tokenizer.encodePrompt("<s>Hi")).startsWith(1, 1);
        }
    }

    /** The LLaMA-2 fixture (BOS "<s>" = 1) with {@code chat_template} replaced by {@code templateJson}. */
    private Path withTemplates(String templateJson) {
        return ChatFixtures.tokenizerDirWithTemplate(tmp, templateJson);
    }
}
