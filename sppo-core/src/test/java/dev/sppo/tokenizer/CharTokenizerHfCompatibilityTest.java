package dev.sppo.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer.json that CharTokenizer saves means the same thing to the Hugging Face tokenizers library. */
class CharTokenizerHfCompatibilityTest {

    private static final CharTokenizer CHARS = new CharTokenizer("abc \n😀é+=");
    private static final String[] TEXTS = {"abc", "a b\n\nc", "😀é+é=", "axb?c", "", "\n"};

    @TempDir
    static Path dir;

    private static HuggingFaceTokenizer djl;

    @BeforeAll
    static void saveAndLoadWithDjl() throws IOException {
        CHARS.save(dir);
        System.setProperty("OPT_OUT_TRACKING", "true");
        djl = HuggingFaceTokenizer.builder()
                .optTokenizerPath(dir.resolve("tokenizer.json"))
                .optTruncation(false)
                .optPadding(false)
                .build();
    }

    @AfterAll
    static void closeDjl() {
        djl.close();
    }

    @Test
    void djlEncodesEveryCharacterToTheSameIdIncludingUnknownOnes() {
        for (String text : TEXTS) {
            assertThat(ints(djl.encode(text, false, false).getIds())).as(text).containsExactly(CHARS.encode(text));
        }
    }

    @Test
    void djlPostProcessorAddsBosLikeEncodePrompt() {
        for (String text : TEXTS) {
            assertThat(ints(djl.encode(text, true, false).getIds()))
                    .as(text)
                    .containsExactly(CHARS.encodePrompt(text));
        }
    }

    @Test
    void djlDecodesTheSameTextSkippingSpecialTokens() {
        int[] ids = {1, 4, 7, 3, 8, 9, 10, 2, 0, 0};
        assertThat(djl.decode(Arrays.stream(ids).asLongStream().toArray(), true))
                .isEqualTo(CHARS.decode(ids))
                .isEqualTo("a \n😀é");
    }

    @Test
    void hfTokenizerOnTheSavedTokenizerJsonMatchesCharTokenizer() {
        try (HfTokenizer hf = HfTokenizer.load(dir)) {
            assertThat(hf.vocabSize()).isEqualTo(CHARS.vocabSize());
            assertThat(new int[] {hf.bosId(), hf.eosId(), hf.padId()}).containsExactly(1, 2, 0);
            for (String text : TEXTS) {
                assertThat(hf.encodePrompt(text)).as(text).containsExactly(CHARS.encodePrompt(text));
                assertThat(hf.decode(CHARS.encode(text))).as(text).isEqualTo(CHARS.decode(CHARS.encode(text)));
            }
        }
    }

    private static int[] ints(long[] ids) {
        return Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
    }
}
