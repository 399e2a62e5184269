package dev.sppo.tokenizer;

import static dev.sppo.tokenizer.TokenizerFixtures.BYTE_LEVEL_BPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizersTest {

    private static final String CONFIG = """
            {"bos_token": "<|begin_of_text|>", "eos_token": "<|end_of_text|>"}
            """;

    @TempDir
    Path tmp;

    @Test
    void charTokenizerClassLoadsACharTokenizer() {
        new CharTokenizer("abc").save(tmp);

        try (TextTokenizer tokenizer = Tokenizers.load(tmp)) {
            assertThat(tokenizer).isEqualTo(new CharTokenizer("abc"));
        }
    }

    @Test
    void anyOtherTokenizerJsonLoadsAnHfTokenizer() {
        try (TextTokenizer tokenizer = Tokenizers.load(TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, CONFIG))) {
            assertThat(tokenizer).isInstanceOf(HfTokenizer.class);
            assertThat(tokenizer.encode("hello")).containsExactly(11);
        }
    }

    @Test
    void directoryWithoutTokenizerFilesIsRefusedNamingTheExpectedFiles() {
        assertThatThrownBy(() -> Tokenizers.load(tmp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No tokenizer in " + tmp)
                .hasMessageContaining("tokenizer.json")
                .hasMessageContaining("tokenizer_config.json");
    }

    @Test
    void missingDirectoryIsRefused() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> Tokenizers.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing + " does not exist");
    }

    @Test
    void truncatedTokenizerJsonIsRefusedNamingTheFile() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, CONFIG);
        String json = Files.readString(dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("tokenizer.json"), json.substring(0, json.indexOf("\"merges\"")));

        assertRefused(dir, "tokenizer.json", "truncated JSON");
    }

    @Test
    void invalidTokenizerJsonIsRefusedNamingTheFile() throws IOException {
        Path dir = editedTokenizerJson("\"h\": 0,", "\"h\": 0,,");

        assertRefused(dir, "tokenizer.json", "invalid JSON");
    }

    @Test
    void tokenizerJsonThatTheNativeLibraryRejectsIsRefusedNamingTheFile() throws IOException {
        Path dir = editedTokenizerJson("\"type\": \"BPE\"", "\"type\": \"NoSuchModel\"");

        assertRefused(dir, "tokenizer.json", "the Hugging Face tokenizers library rejects it");
    }

    @Test
    void tokenizerJsonWithoutAVocabularyIsRefused() throws IOException {
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\"}}");

        assertRefused(tmp, "tokenizer.json", "it has no model.vocab");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = "=>",
            textBlock = """
                    {"bos_token": "<|begin_of => invalid JSON (Unterminated string
                    {"bos_token": "<|begin_of_text|>", => truncated JSON (End of input
                    {"bos_token": <s>} => invalid JSON (unexpected value at line 1 column 15 path $.bos_token)
                    ["<s>"] => the top level must be a JSON object
                    {"add_bos_token": "yes"} => add_bos_token must be true or false, not "yes"
                    {"bos_token": 1} => bos_token must be a string, not 1
                    {"eos_token": "</s>"} => eos_token '</s>' is not in tokenizer.json
                    {"add_bos_token": true} => add_bos_token is true but bos_token is not set
                    """)
    void malformedConfigIsRefusedNamingTheFileAndTheProblem(String config, String problem) {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, config);

        assertRefused(dir, "tokenizer_config.json", problem);
    }

    private Path editedTokenizerJson(String original, String replacement) throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, CONFIG);
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, Files.readString(file).replace(original, replacement));
        return dir;
    }

    private static void assertRefused(Path dir, String fileName, String problem) {
        assertThatThrownBy(() -> Tokenizers.load(dir))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessageContaining("Malformed tokenizer file " + dir.resolve(fileName) + ": " + problem);
    }

    @Test
    void aRawControlCharacterInTheDecoderIsRefusedNamingTheFileInsteadOfAbortingTheJvm() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, CONFIG);
        Path file = dir.resolve("tokenizer.json");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"decoder\": {\"type\": \"ByteLevel\"",
                "\"decoder\": {\"type\": \"Byte\u0001Level\""));

        assertThatThrownBy(() -> Tokenizers.load(dir))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void aDocumentNestedDeeperThanTheNativeReaderGoesIsRefusedNamingTheFile() throws IOException {
        Path dir = TokenizerFixtures.modelDir(tmp, BYTE_LEVEL_BPE, CONFIG);
        Path file = dir.resolve("tokenizer.json");
        String deep = "[".repeat(JsonFiles.MAX_DEPTH + 1) + "]".repeat(JsonFiles.MAX_DEPTH + 1);
        Files.writeString(file, Files.readString(file).replace("\"decoder\": {", "\"deep\": " + deep
                + ", \"decoder\": {"));

        assertThatThrownBy(() -> Tokenizers.load(dir))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("nested more than 64 levels");
    }
}
