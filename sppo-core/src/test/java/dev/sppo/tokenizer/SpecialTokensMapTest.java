package dev.sppo.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code special_tokens_map.json} as transformers reads it: it overrides a legacy {@code tokenizer_config.json}
 * (one without {@code added_tokens_decoder}) token by token, and a newer one ignores it. Fixture ids:
 * {@code <|begin_of_text|>} 18, {@code <|end_of_text|>} 19, {@code <|pad|>} 20.
 */
class SpecialTokensMapTest {

    private static final String MAP = """
            {"bos_token": {"content": "<|begin_of_text|>", "lstrip": false, "normalized": false},
             "eos_token": "<|end_of_text|>", "additional_special_tokens": ["<|pad|>"]}
            """;

    @TempDir
    Path tmp;

    @Test
    void withoutATokenizerConfigTheMapNamesTheTokens() throws IOException {
        try (TextTokenizer tokenizer = load(null, MAP)) {
            assertThat(new int[] {tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId()})
                    .containsExactly(18, 19, 19);
        }
    }

    @Test
    void aLegacyConfigIsOverriddenByTheMapTokenByTokenAndGainsItsAdditionalTokens() throws IOException {
        Path dir = dir("{\"eos_token\": \"<|pad|>\", \"pad_token\": \"<|pad|>\","
                + " \"additional_special_tokens\": [\"<|end_of_text|>\"]}", MAP);
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            assertThat(new int[] {tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId()})
                    .containsExactly(18, 19, 20);
        }
        assertThat(TokenizerConfig.readIfPresent(dir).specialTokens().additional())
                .containsExactly("<|end_of_text|>", "<|pad|>");
    }

    @Test
    void aConfigWithAddedTokensDecoderIgnoresTheMap() throws IOException {
        String config = "{\"added_tokens_decoder\": {}, \"eos_token\": \"<|pad|>\"}";
        try (TextTokenizer tokenizer = load(config, MAP)) {
            assertThat(new int[] {tokenizer.bosId(), tokenizer.eosId()}).containsExactly(-1, 20);
        }
    }

    @Test
    void aTokenFromTheMapThatTheVocabularyLacksNamesTheMap() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE, null);
        Path map = Files.writeString(dir.resolve("special_tokens_map.json"), "{\"eos_token\": \"</s>\"}");

        assertThatThrownBy(() -> Tokenizers.load(dir))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessage("Malformed tokenizer file " + map + ": eos_token '</s>' is not in tokenizer.json");
    }

    @Test
    void asMapListsOnlyTheTokensThatAreSet() {
        SpecialTokens tokens = new SpecialTokens("<s>", "</s>", null, "", null, null, null, List.of("<x>"));

        assertThat(tokens.asMap()).containsOnlyKeys("bos_token", "eos_token", "additional_special_tokens");
    }

    private TextTokenizer load(String config, String map) throws IOException {
        return Tokenizers.load(dir(config, map));
    }

    private Path dir(String config, String map) throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE, config);
        Files.writeString(dir.resolve("special_tokens_map.json"), map);
        return dir;
    }
}
