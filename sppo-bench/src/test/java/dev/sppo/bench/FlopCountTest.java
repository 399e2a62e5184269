package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.model.LlamaConfig;
import dev.sppo.model.TestModels;

import org.junit.jupiter.api.Test;

class FlopCountTest {

    /** V 24, D 32, 2 layers, 4 heads of 8, SwiGLU width 128 (8·32/3 rounded up to 64s), tied embeddings. */
    private static final LlamaConfig TINY = TestModels.tiny();

    @Test
    void tiedModelCountsSevenProjectionsPerLayerAndTheEmbeddingOnceAsTheHead() {
        long perLayer = 4 * 32 * 32 + 3 * 128 * 32;
        assertThat(perLayer).isEqualTo(16_384);
        assertThat(FlopCount.matmulWeights(TINY)).isEqualTo(2 * 16_384 + 24 * 32);
    }

    @Test
    void untiedHeadCountsOnceAndBiasesAndEmbeddingAreNotMatmuls() {
        // everyFeature: V 40, D 32, SwiGLU 48, 2 layers, 4 query heads and 2 kv heads of 8, untied, biases.
        long q = 32 * 32;
        long kv = 16 * 32;
        long o = 32 * 32;
        long mlp = 3 * 48 * 32;
        long head = 40 * 32;
        assertThat(FlopCount.matmulWeights(TestModels.everyFeature())).isEqualTo(2 * (q + 2 * kv + o + mlp) + head);
    }

    @Test
    void trainingStepOfTinyModelMatchesHandCount() {
        // B 2, T 8: 6 · 33,536 · 16 + 12 · 2 layers · 2 · 8² · 32 = 3,219,456 + 98,304
        assertThat(FlopCount.matmulFlops(TINY, 2, 8)).isEqualTo(3_219_456L);
        assertThat(FlopCount.attentionFlops(TINY, 2, 8)).isEqualTo(98_304L);
        assertThat(FlopCount.trainingStep(TINY, 2, 8)).isEqualTo(3_317_760L);
    }

    @Test
    void referenceStepIsAboutFiftyFourGigaflops() {
        // N_matmul = 4 · (4 · 256² + 3 · 256 · 1024) + 256 · 256 = 4,259,840
        LlamaConfig reference = BenchConfig.referenceModel();
        assertThat(FlopCount.matmulWeights(reference)).isEqualTo(4_259_840L);
        assertThat(FlopCount.trainingStep(reference, 32, 64)).isEqualTo(52_344_913_920L + 1_610_612_736L);
    }

    @Test
    void squareMatmulIsTwoNCubedAndRatesAreFlopsPerNanosecond() {
        assertThat(FlopCount.squareMatmul(1024)).isEqualTo(2_147_483_648.0);
        assertThat(FlopCount.gflopsPerSecond(2e9, 10)).isEqualTo(200.0);
    }
}
