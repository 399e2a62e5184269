package dev.sppo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;

class DegenerationTest {

    private static final CharTokenizer TOKENIZER = new CharTokenizer("abcdefgh ");

    @Test
    void aBaseWithAllWeightsZeroIsUniformSoEveryResponseHasPerplexityTheVocabularySize() {
        LlamaConfig config = LlamaConfig.builder().vocabularyOf(TOKENIZER).hiddenSize(16).numHiddenLayers(1)
                .numAttentionHeads(2).maxPositionEmbeddings(32).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Llama model = Llama.random(config, manager, 5);
            model.parameterList().stream().map(Parameter::getArray).forEach(array -> array.muli(0));
            Policy uniform = new Policy(model, TOKENIZER);
            HeldOutResponses responses = new HeldOutResponses(
                    List.of(List.of("the cat sat on the mat", "The cat  ran"), List.of("")),
                    new int[][] {{3, 2}, {0}},
                    List.of(List.of(new int[] {1, 2, 3}, new int[] {4, 5}), List.of(new int[] {TOKENIZER.eosId()})));

            Degeneration degeneration = Degeneration.of(responses,
                    List.of(TOKENIZER.encodePrompt("ab"), TOKENIZER.encodePrompt("c")), uniform);

            assertThat(degeneration.perplexityUnderBase()).isCloseTo(config.vocabSize(), within(1e-3));
            // words: the cat sat on the mat | the cat ran -> 9 unigrams, 6 distinct; 7 bigrams, 6 distinct
            assertThat(degeneration.distinct1()).isCloseTo(6.0 / 9, within(1e-12));
            assertThat(degeneration.distinct2()).isCloseTo(6.0 / 7, within(1e-12));
        }
    }
}
