package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sppo.model.LlamaConfig;

import org.junit.jupiter.api.Test;

class TextSamplingTest {

    @Test
    void smolLm2ShapeHas135MillionParametersAndItsMatmulWeights() {
        LlamaConfig c = TextSampling.smolLm2Shape();
        long perLayer = 576L * 576 * 2 + 576L * 192 * 2 + 3L * 576 * 1536;
        assertThat(FlopCount.matmulWeights(c)).isEqualTo(30 * perLayer + 49152L * 576);
        assertThat(c.kvGroups()).isEqualTo(3);
    }

    @Test
    void flopsCountThePrefillOfTheGivenRowsAndEveryDecodedPosition() {
        LlamaConfig c = TextSampling.smolLm2Shape();
        double n = FlopCount.matmulWeights(c);
        double prefill = 2 * n * 64 * 64 + 4.0 * 30 * 64 * 64 * 64 * 576;
        double decodePositions = 0;
        for (int p = 64; p <= 190; p++) {
            decodePositions += p;
        }
        double decode = 256 * (127 * 2 * n + 4.0 * 30 * 576 * decodePositions);

        assertThat(TextSampling.flops(c, 64)).isCloseTo(prefill + decode, within(1.0));
        assertThat(TextSampling.flops(c, 256) - TextSampling.flops(c, 64)).isCloseTo(3 * prefill, within(1.0));
    }
}
