package dev.sppo.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.chat.ChatFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerationConfigTest {

    @TempDir
    Path tmp;

    @Test
    void chatModelsStopAtTheirEndOfTurnTokenAndTheListedEosIds() {
        try (TextTokenizer llama3 = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.LLAMA3));
                TextTokenizer qwen = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.QWEN2_5));
                TextTokenizer llama2 = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.LLAMA2))) {
            // eos_token <|eot_id|> 260, then eos_token_id [257, 260]
            assertThat(llama3.stopIds()).containsExactly(260, 257);
            // eos_token <|im_end|> 258, then eos_token_id [258, 256]
            assertThat(qwen.stopIds()).containsExactly(258, 256);
            assertThat(llama2.stopIds()).containsExactly(2);
        }
    }

    @Test
    void withoutTheFileTheStopIdsAreTheEosAlone() {
        Path dir = TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE,
                "{\"eos_token\": \"<|end_of_text|>\"}");
        try (TextTokenizer tokenizer = Tokenizers.load(dir)) {
            assertThat(tokenizer.stopIds()).containsExactly(19);
        }
    }

    @Test
    void paddingFallsBackToPadTokenIdBeforeEos() {
        try (TextTokenizer qwen = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.QWEN2_5));
                TextTokenizer llama2 = Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.LLAMA2))) {
            assertThat(qwen.padId()).as("pad_token <|endoftext|>").isEqualTo(256);
            assertThat(llama2.padId()).as("no pad_token; pad_token_id 0").isZero();
        }
    }

    @Test
    void samplingFieldsAreDefaultsAndDoSampleFalseMeansGreedy() throws IOException {
        GenerationConfig llama3 = GenerationConfig.readIfPresent(ChatFixtures.tokenizerDir(tmp, ChatFixtures.LLAMA3));

        assertThat(llama3).isEqualTo(new GenerationConfig(List.of(257, 260), null, true, 0.6, null, 0.9));
        assertThat(new double[] {llama3.temperatureOr(1.0), llama3.topKOr(0), llama3.topPOr(1.0)})
                .containsExactly(0.6, 0, 0.9);
        GenerationConfig greedy = read("{\"do_sample\": false, \"temperature\": 0.7, \"top_k\": 5}");
        assertThat(new double[] {greedy.temperatureOr(1.0), greedy.topKOr(0), greedy.topPOr(1.0)})
                .containsExactly(0.0, 5, 1.0);
        assertThat(GenerationConfig.readIfPresent(tmp).temperatureOr(1.0)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            {"eos_token_id": "2"} => eos_token_id must be an integer of at least 0, not "2"
            {"eos_token_id": [2, -1]} => eos_token_id[1] must be an integer of at least 0, not -1
            {"eos_token_id": [2.5]} => eos_token_id[0] must be an integer of at least 0, not 2.5
            {"pad_token_id": true} => pad_token_id must be an integer of at least 0, not true
            {"do_sample": "yes"} => do_sample must be true or false, not "yes"
            {"temperature": -0.5} => temperature must be at least 0, not -0.5
            {"top_p": 0} => top_p must be in (0, 1], not 0.0
            {"top_k": 1.5} => top_k must be an integer of at least 0, not 1.5
            [1] => the top level must be a JSON object
            """)
    void aMalformedFileIsRefusedNamingTheField(String json, String problem) throws IOException {
        Path file = Files.writeString(tmp.resolve(GenerationConfig.FILE_NAME), json);

        assertThatThrownBy(() -> GenerationConfig.readIfPresent(tmp))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessage("Malformed tokenizer file " + file + ": " + problem);
    }

    @Test
    void anEosIdOutsideTheVocabularyIsRefused() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, TokenizerFixtures.BYTE_LEVEL_BPE, null);
        Path file = Files.writeString(dir.resolve(GenerationConfig.FILE_NAME), "{\"eos_token_id\": [19, 21]}");

        assertThatThrownBy(() -> Tokenizers.load(dir))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessage("Malformed tokenizer file " + file
                        + ": eos_token_id 21 is outside the vocabulary [0, 21) of tokenizer.json");
    }

    private GenerationConfig read(String json) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "generation");
        Files.writeString(dir.resolve(GenerationConfig.FILE_NAME), json);
        return GenerationConfig.readIfPresent(dir);
    }
}
