package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.tokenizer.CharTokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class LlamaConfigBuilderTest {

    @Test
    void unsetFieldsTakeTheDefaultsOfTheEnginesOwnSmallModels() {
        LlamaConfig c = LlamaConfig.builder().vocabSize(24).hiddenSize(48).numHiddenLayers(2).numAttentionHeads(4)
                .build();

        assertThat(c.intermediateSize()).as("8·48/3 = 128, a multiple of 64").isEqualTo(128);
        assertThat(c.numKeyValueHeads()).isEqualTo(4);
        assertThat(c.headDim()).isEqualTo(12);
        assertThat(c.maxPositionEmbeddings()).isEqualTo(256);
        assertThat(c.rmsNormEps()).isEqualTo(1e-5);
        assertThat(c.ropeTheta()).isEqualTo(10000.0);
        assertThat(c.ropeScaling()).isNull();
        assertThat(c.tieWordEmbeddings()).isTrue();
        assertThat(c.attentionBias()).isFalse();
        assertThat(c.mlpBias()).isFalse();
        assertThat(c.bosTokenId()).isEqualTo(-1);
        assertThat(c.eosTokenIds()).isEmpty();
        assertThat(c.initializerRange()).isEqualTo(0.02);
        assertThat(c.family()).isEqualTo(ModelFamily.LLAMA);
        assertThat(c.slidingWindow()).isNull();
    }

    @Test
    void toBuilderKeepsEveryFieldDerivedOnesIncluded() {
        List<LlamaConfig> configs = new ArrayList<>(TestModels.families());
        configs.add(TestModels.everyFeature());
        configs.add(TestModels.tiny());

        for (LlamaConfig c : configs) {
            assertThat(c.toBuilder().build()).isEqualTo(c);
        }
        LlamaConfig wider = TestModels.everyFeature().toBuilder().hiddenSize(64).build();
        assertThat(wider.intermediateSize()).isEqualTo(48);
        assertThat(wider.headDim()).isEqualTo(8);
    }

    @Test
    void vocabularyOfTakesTheTokenizersSizeBosAndEos() {
        CharTokenizer tokenizer = new CharTokenizer("abc");

        LlamaConfig c = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(16).numHiddenLayers(1)
                .numAttentionHeads(2).build();

        assertThat(c.vocabSize()).isEqualTo(tokenizer.vocabSize());
        assertThat(c.bosTokenId()).isEqualTo(tokenizer.bosId());
        assertThat(c.eosTokenIds()).containsExactly(tokenizer.eosId());
    }

    @Test
    void aConfigWithoutItsSizesIsRefusedNamingTheFirstOneMissing() {
        assertThatThrownBy(() -> LlamaConfig.builder().build())
                .isInstanceOf(InvalidModelConfigException.class)
                .hasMessage("vocab_size must be > 0, got 0");
        assertThatThrownBy(() -> LlamaConfig.builder().vocabSize(8).hiddenSize(16).numHiddenLayers(1).build())
                .isInstanceOf(InvalidModelConfigException.class)
                .hasMessage("num_attention_heads must be > 0, got 0");
    }
}
