package dev.sppo.tokenizer;

import static dev.sppo.tokenizer.TokenizerFixtures.BYTE_LEVEL_BPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.util.Utils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Llama-3 style byte-level BPE; see {@link TokenizerFixtures} for its ids. */
class HfTokenizerByteLevelTest {

    private static final int HELLO = 11;
    private static final int SPACE_HELLO = 12;
    private static final int SPACE_WORLD = 17;
    private static final int BEGIN_OF_TEXT = 18;
    private static final int END_OF_TEXT = 19;
    private static final int PAD = 20;

    private static final String LLAMA3_CONFIG = """
            {"bos_token": "<|begin_of_text|>", "eos_token": "<|end_of_text|>",
             "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 131072}
            """;

    @TempDir
    Path tmp;

    @Test
    void encodeFollowsTheMergesAndDecodeInvertsIt() {
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            int[] ids = tokenizer.encode("hello world hello");

            assertThat(ids).containsExactly(HELLO, SPACE_WORLD, SPACE_HELLO);
            assertThat(tokenizer.decode(ids)).isEqualTo("hello world hello");
        }
    }

    @Test
    void vocabularyCountsTheAddedTokens() {
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            assertThat(tokenizer.vocabSize()).isEqualTo(21);
            assertThat(tokenizer.bosId()).isEqualTo(BEGIN_OF_TEXT);
            assertThat(tokenizer.eosId()).isEqualTo(END_OF_TEXT);
        }
    }

    @Test
    void decodeSkipsSpecialTokens() {
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            int[] ids = {BEGIN_OF_TEXT, HELLO, SPACE_WORLD, END_OF_TEXT, PAD, PAD};
            assertThat(tokenizer.decode(ids)).isEqualTo("hello world");
        }
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            assertThatThrownBy(() -> tokenizer.decode(new int[] {HELLO, 21}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token id 21 at position 1 is outside the vocabulary [0, 21)");
        }
    }

    @Test
    void encodePromptFollowsThePostProcessorWhenTheConfigDoesNotSay() {
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            assertThat(tokenizer.encodePrompt("hello")).containsExactly(BEGIN_OF_TEXT, HELLO);
            assertThat(tokenizer.encode("hello")).containsExactly(HELLO);
        }
    }

    @Test
    void encodePromptAddsNoBosWithoutAPostProcessorThatDoes() {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, LLAMA3_CONFIG);
        TokenizerFixtures.removePostProcessor(dir);
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            assertThat(tokenizer.encodePrompt("hello")).containsExactly(HELLO);
        }
    }

    @Test
    void addBosTokenInTheConfigOverridesThePostProcessor() {
        String config = """
                {"bos_token": "<|begin_of_text|>", "eos_token": "<|end_of_text|>", "add_bos_token": false}
                """;
        try (HfTokenizer tokenizer = load(config)) {
            assertThat(tokenizer.encodePrompt("hello")).containsExactly(HELLO);
        }
    }

    @Test
    void padFallsBackToEosWithoutAPadToken() {
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            assertThat(tokenizer.padId()).isEqualTo(END_OF_TEXT);
        }
    }

    @Test
    void padTokenFromTheConfigIsUsed() {
        String config = """
                {"bos_token": "<|begin_of_text|>", "eos_token": "<|end_of_text|>", "pad_token": "<|pad|>"}
                """;
        try (HfTokenizer tokenizer = load(config)) {
            assertThat(tokenizer.padId()).isEqualTo(PAD);
        }
    }

    @Test
    void withoutAConfigThereAreNoSpecialTokens() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, null))) {
            assertThat(new int[] {tokenizer.bosId(), tokenizer.eosId(), tokenizer.padId()}).containsOnly(-1);
            assertThat(tokenizer.encodePrompt("hello")).containsExactly(HELLO);
        }
    }

    @Test
    void neitherTruncatesNorPadsAlthoughTheFileAsksForBoth() {
        String text = "hello" + " world".repeat(1999);
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            int[] ids = tokenizer.encode(text);

            assertThat(ids).hasSize(2000);
            assertThat(ids[0]).isEqualTo(HELLO);
            assertThat(Arrays.stream(ids).skip(1)).containsOnly(SPACE_WORLD);
            assertThat(tokenizer.encodePrompt(text)).hasSize(2001);
            assertThat(tokenizer.encode("hello")).hasSize(1);
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
        }
    }

    @Test
    void savedDirectoryLoadsBackWithTheSameBehaviour() {
        try (HfTokenizer original = load(LLAMA3_CONFIG);
                TextTokenizer copy = save(original)) {
            assertThat(copy).isInstanceOf(HfTokenizer.class);
            assertThat(copy.encodePrompt("hello world")).containsExactly(original.encodePrompt("hello world"));
            assertThat(new int[] {copy.bosId(), copy.eosId(), copy.padId(), copy.vocabSize()})
                    .containsExactly(original.bosId(), original.eosId(), original.padId(), original.vocabSize());
        }
    }

    @Test
    void savingWithoutASourceConfigWritesTheResolvedOne() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, null);
        try (HfTokenizer original = HfTokenizer.load(dir);
                TextTokenizer copy = save(original)) {
            JsonObject config = JsonParser.parseString(Files.readString(tmp.resolve("saved/tokenizer_config.json")))
                    .getAsJsonObject();
            assertThat(config.keySet()).containsExactly("add_bos_token");
            assertThat(config.get("add_bos_token").getAsBoolean()).isFalse();
            assertThat(copy.encodePrompt("hello")).containsExactly(HELLO);
        }
    }

    /**
     * DJL's tokenizer factories report usage over HTTP (an EC2 metadata probe, then a telemetry request) unless
     * {@code OPT_OUT_TRACKING} is true. They open those connections with {@code Proxy.NO_PROXY}, out of a test's
     * reach, so this checks the switch they read, cleared beforehand so that no earlier test can have set it.
     */
    @Test
    void loadingSwitchesOffDjlUsageReporting() {
        System.clearProperty("OPT_OUT_TRACKING");
        try (HfTokenizer tokenizer = load(LLAMA3_CONFIG)) {
            assertThat(tokenizer.encode("hello")).containsExactly(HELLO);
            assertThat(Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        }
    }

    private HfTokenizer load(String configJson) {
        return HfTokenizer.load(TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, configJson));
    }

    private TextTokenizer save(TextTokenizer tokenizer) {
        Path copy = tmp.resolve("saved");
        tokenizer.save(copy);
        return Tokenizers.load(copy);
    }
}
