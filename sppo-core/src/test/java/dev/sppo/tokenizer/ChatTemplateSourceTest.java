package dev.sppo.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.chat.ChatFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatTemplateSourceTest {

    private static final String BOS = "\"bos_token\": \"<|begin_of_text|>\"";

    @TempDir
    Path tmp;

    @Test
    void aModelWithoutATemplateHasNone() {
        try (TextTokenizer tokenizer = load("{" + BOS + "}")) {
            assertThat(tokenizer.chatTemplates()).isEmpty();
        }
        assertThat(new CharTokenizer("ab").chatTemplates()).isEmpty();
    }

    @Test
    void aSingleTemplateIsTheDefaultAndSeesTheSpecialTokens() {
        Path dir = ChatFixtures.tokenizerDir(tmp, ChatFixtures.QWEN2_5);
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            ChatTemplateSource source = tokenizer.chatTemplates().orElseThrow();

            assertThat(source.templates()).containsOnlyKeys("default");
            assertThat(source.templates().get("default")).startsWith("{%- if tools %}");
            assertThat(source.file()).isEqualTo(dir.resolve("tokenizer_config.json"));
            assertThat(source.specialTokens().asMap()).containsExactly(
                    Map.entry("eos_token", "<|im_end|>"), Map.entry("pad_token", "<|endoftext|>"),
                    Map.entry("additional_special_tokens", List.of("<|im_start|>", "<|im_end|>")));
        }
    }

    @Test
    void namedTemplatesKeepTheirNamesAndOrder() {
        try (TextTokenizer tokenizer = load("{" + BOS + ", \"chat_template\": [{\"name\": \"tool_use\", \"template\": "
                + "\"T\"}, {\"name\": \"default\", \"template\": \"D\"}]}")) {
            assertThat(tokenizer.chatTemplates().orElseThrow().templates())
                    .containsExactly(Map.entry("tool_use", "T"), Map.entry("default", "D"));
        }
    }

    @Test
    void aChatTemplateJinjaFileComesFirst() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE,
                "{" + BOS + ", \"chat_template\": \"from the config\"}");
        Path jinja = Files.writeString(dir.resolve("chat_template.jinja"), "from the file\n");
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            ChatTemplateSource source = tokenizer.chatTemplates().orElseThrow();

            assertThat(source.templates()).containsExactly(Map.entry("default", "from the file\n"));
            assertThat(source.file()).isEqualTo(jinja);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            {"chat_template": 3} => chat_template must be a string, not 3
            {"chat_template": ["x"]} => chat_template[0] must be an object with "name" and "template", not "x"
            {"chat_template": [{"name": "default"}]} => chat_template[0].template must be a string, not null
            {"chat_template": [{"name": 1, "template": "t"}]} => chat_template[0].name must be a string, not 1
            """)
    void aMalformedChatTemplateIsRefused(String config, String problem) {
        Path dir = TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE, config);

        assertThatThrownBy(() -> Tokenizers.load(dir))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessage("Malformed tokenizer file " + dir.resolve("tokenizer_config.json") + ": " + problem);
    }

    @Test
    void savingKeepsTheTemplateTheSpecialTokensMapAndTheGenerationConfig() throws IOException {
        Path dir = ChatFixtures.tokenizerDir(tmp, ChatFixtures.LLAMA3);
        Files.writeString(dir.resolve("chat_template.jinja"), "{{ bos_token }}");
        Files.writeString(dir.resolve("special_tokens_map.json"), "{\"bos_token\": \"<|begin_of_text|>\"}");
        Path saved = tmp.resolve("saved");
        try (TextTokenizer original = Tokenizers.load(dir)) {
            original.save(saved);
        }
        for (String file : new String[] {"chat_template.jinja", "special_tokens_map.json", "generation_config.json"}) {
            assertThat(saved.resolve(file)).hasSameTextualContentAs(dir.resolve(file));
        }
        try (TextTokenizer copy = Tokenizers.load(saved)) {
            assertThat(copy.stopIds()).containsExactly(260, 257);
            assertThat(copy.chatTemplates().orElseThrow().templates()).containsExactly(
                    Map.entry("default", "{{ bos_token }}"));
        }
    }

    private TextTokenizer load(String config) {
        return Tokenizers.load(TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE, config));
    }
}
