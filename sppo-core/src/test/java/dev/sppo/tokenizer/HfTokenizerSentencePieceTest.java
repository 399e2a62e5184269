package dev.sppo.tokenizer;

import static dev.sppo.tokenizer.TokenizerFixtures.SENTENCEPIECE_BPE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LLaMA-2 style BPE with byte fallback; see {@link TokenizerFixtures} for its ids. */
class HfTokenizerSentencePieceTest {

    private static final int UNK = 0;
    private static final int BOS = 1;
    private static final int EOS = 2;
    private static final int EXCLAMATION_BYTE = 3;
    private static final int SPACE_HI = 11;
    private static final int SPACE_THERE = 16;

    /** As LLaMA-2 writes it: the BOS token as an AddedToken object and a model_max_length beyond a long. */
    private static final String LLAMA2_CONFIG = """
            {
              "add_bos_token": true,
              "add_eos_token": false,
              "bos_token": {"__type": "AddedToken", "content": "<s>", "lstrip": false, "normalized": false,
                            "rstrip": false, "single_word": false},
              "eos_token": "</s>",
              "pad_token": null,
              "unk_token": "<unk>",
              "legacy": false,
              "model_max_length": 1000000000000000019884624838656,
              "tokenizer_class": "LlamaTokenizer"
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void encodeMergesWordPiecesAndFallsBackToBytes() {
        try (HfTokenizer tokenizer = load()) {
            assertThat(tokenizer.encode("hi there!")).containsExactly(SPACE_HI, SPACE_THERE, EXCLAMATION_BYTE);
            assertThat(tokenizer.decode(new int[] {SPACE_HI, SPACE_THERE, EXCLAMATION_BYTE})).isEqualTo("hi there!");
        }
    }

    @Test
    void encodePromptPutsBosFirstAsAddBosTokenSays() {
        try (HfTokenizer tokenizer = load()) {
            assertThat(tokenizer.encodePrompt("hi")).containsExactly(BOS, SPACE_HI);
        }
    }

    @Test
    void addBosTokenAddsBosEvenWithoutAPostProcessor() {
        Path dir = TokenizerFixtures.modelDir(tmp, SENTENCEPIECE_BPE, LLAMA2_CONFIG);
        TokenizerFixtures.removePostProcessor(dir);
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            assertThat(tokenizer.encodePrompt("hi")).containsExactly(BOS, SPACE_HI);
        }
    }

    @Test
    void decodeSkipsBosEosAndUnk() {
        try (HfTokenizer tokenizer = load()) {
            assertThat(tokenizer.decode(new int[] {BOS, SPACE_HI, UNK, SPACE_THERE, EOS})).isEqualTo("hi there");
        }
    }

    @Test
    void nullPadTokenFallsBackToEos() {
        try (HfTokenizer tokenizer = load()) {
            assertThat(tokenizer.padId()).isEqualTo(EOS);
            assertThat(tokenizer.bosId()).isEqualTo(BOS);
            assertThat(tokenizer.vocabSize()).isEqualTo(17);
        }
    }

    private HfTokenizer load() {
        return HfTokenizer.load(TokenizerFixtures.modelDir(tmp, SENTENCEPIECE_BPE, LLAMA2_CONFIG));
    }
}
