package dev.sppo.preference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/** all-MiniLM-L6-v2 as the model card describes it: 384 numbers, mean-pooled, L2-normalised, meaning-aware. */
class SentenceEncoderTest {

    /** Each: a sentence, a paraphrase of it, and a sentence about something else. */
    private static final List<List<String>> TRIPLES = List.of(
            List.of("The cat sat on the mat.", "A cat was sitting on the mat.", "Stock markets fell sharply today."),
            List.of("How do I bake bread at home?", "What is a recipe for baking bread?",
                    "The train to Paris leaves at noon."),
            List.of("He is very happy with the result.", "He feels extremely glad about the outcome.",
                    "The database server crashed last night."),
            List.of("It is raining heavily outside.", "There is a downpour out there.",
                    "She plays the violin in an orchestra."));

    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() throws IOException {
        encoder = SentenceEncoder.load(MiniLm.dir(), 256, new OnnxRuntimeSettings(1, 4));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void embeddingsHave384DimensionsAndUnitLength() {
        assertThat(encoder.dimension()).isEqualTo(384);
        for (float[] e : encoder.embed(TRIPLES.stream().flatMap(List::stream).toList())) {
            assertThat(e).hasSize(384);
            assertThat(Math.sqrt(dot(e, e))).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        for (List<String> triple : TRIPLES) {
            float[][] e = encoder.embed(triple);
            double paraphrase = dot(e[0], e[1]);
            assertThat(paraphrase).as("cos(%s, %s)", triple.get(0), triple.get(1))
                    .isGreaterThan(dot(e[0], e[2]) + 0.2).isGreaterThan(dot(e[1], e[2]) + 0.2);
        }
    }

    @Test
    void aTextsEmbeddingDoesNotDependOnThePaddingOfItsBatch() {
        String shortText = "Good.";
        float[] alone = encoder.embed(List.of(shortText))[0];
        float[] padded = encoder.embed(List.of(shortText, "A much longer sentence that makes the batch pad the "
                + "first row with many positions of nothing at all."))[0];
        assertThat(padded).containsExactly(alone, within(1e-5f));
    }

    @Test
    void embeddingsEqualLangchain4jsMiniLmEmbeddingModel() {
        List<String> texts = TRIPLES.stream().flatMap(List::stream).toList();
        float[][] ours = encoder.embed(texts);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(ours[i]).as(texts.get(i)).containsExactly(reference.embed(texts.get(i)).content().vector(),
                    within(1e-5f));
        }
    }

    /** The cosine of unit vectors. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
