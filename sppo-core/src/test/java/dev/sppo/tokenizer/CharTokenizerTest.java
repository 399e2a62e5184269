package dev.sppo.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharTokenizerTest {

    private final CharTokenizer tokenizer = new CharTokenizer("0123456789+=");

    @TempDir
    Path tmp;

    @Test
    void specialTokensComeFirstThenTheAlphabetInOrder() {
        assertThat(tokenizer.padId()).isZero();
        assertThat(tokenizer.bosId()).isEqualTo(1);
        assertThat(tokenizer.eosId()).isEqualTo(2);
        assertThat(tokenizer.vocabSize()).isEqualTo(16);
        assertThat(tokenizer.encode("0")).containsExactly(4);
        assertThat(tokenizer.encode("12+9=")).containsExactly(5, 6, 14, 13, 15);
    }

    @Test
    void encodeAddsNoSpecialTokensAndEncodePromptPutsBosFirst() {
        assertThat(tokenizer.encode("")).isEmpty();
        assertThat(tokenizer.encodePrompt("")).containsExactly(CharTokenizer.BOS_ID);
        assertThat(tokenizer.encodePrompt("7=")).containsExactly(CharTokenizer.BOS_ID, 11, 15);
    }

    @Test
    void charactersOutsideTheAlphabetEncodeToUnk() {
        assertThat(tokenizer.encode("1x2")).containsExactly(5, CharTokenizer.UNK_ID, 6);
    }

    @Test
    void decodeInvertsEncodeAndSkipsSpecialTokens() {
        assertThat(tokenizer.decode(tokenizer.encode("12+9=21"))).isEqualTo("12+9=21");
        assertThat(tokenizer.decode(new int[] {1, 5, 3, 6, 2, 0, 0})).isEqualTo("12");
    }

    @Test
    void codePointsOutsideTheBasicPlaneAreSingleTokens() {
        CharTokenizer emoji = new CharTokenizer("a😀");
        assertThat(emoji.encode("😀a")).containsExactly(5, 4);
        assertThat(emoji.decode(new int[] {5, 4})).isEqualTo("😀a");
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        assertThatThrownBy(() -> tokenizer.decode(new int[] {4, 16}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token id 16 at position 1")
                .hasMessageContaining("[0, 16)");
        assertThatThrownBy(() -> tokenizer.decode(new int[] {-1})).hasMessageContaining("token id -1");
    }

    @Test
    void alphabetMustBeNonEmptyAndDistinct() {
        assertThatThrownBy(() -> new CharTokenizer("")).hasMessageContaining("at least one character");
        assertThatThrownBy(() -> new CharTokenizer("abca"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats the character 'a' (at character index 3)");
    }

    @Test
    void savedDirectoryLoadsBackAsAnEqualTokenizer() {
        CharTokenizer original = new CharTokenizer("ab \n😀é");
        original.save(tmp.resolve("model"));

        assertThat(CharTokenizer.load(tmp.resolve("model"))).isEqualTo(original);
        try (TextTokenizer loaded = Tokenizers.load(tmp.resolve("model"))) {
            assertThat(loaded).isEqualTo(original);
        }
    }

    @Test
    void savedConfigNamesTheClassAndTheSpecialTokens() throws IOException {
        tokenizer.save(tmp);

        JsonObject config = JsonParser.parseString(Files.readString(tmp.resolve("tokenizer_config.json")))
                .getAsJsonObject();
        assertThat(config.get("tokenizer_class").getAsString()).isEqualTo("SppoCharTokenizer");
        assertThat(config.get("bos_token").getAsString()).isEqualTo("<bos>");
        assertThat(config.get("eos_token").getAsString()).isEqualTo("<eos>");
        assertThat(config.get("pad_token").getAsString()).isEqualTo("<pad>");
        assertThat(config.get("unk_token").getAsString()).isEqualTo("<unk>");
        assertThat(config.get("add_bos_token").getAsBoolean()).isTrue();
    }

    @Test
    void loadRefusesAVocabularyThatIsNotOneCharacterPerToken() throws IOException {
        tokenizer.save(tmp);
        Path file = tmp.resolve("tokenizer.json");
        Files.writeString(file, Files.readString(file).replace("\"+\": 14", "\"++\": 14"));

        assertThatThrownBy(() -> CharTokenizer.load(tmp))
                .isInstanceOf(MalformedTokenizerException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("id 14 must be one character, not ++");
    }
}
