package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GpuProjectionTest {

    /** N 1e9, 2 layers, 1 kv head of 4, bf16 (kv = 32 B/token); ranker 1e8; P 10, K 3, p 4, r 8; 2 GPUs. */
    private static GpuAssumptions small(double bandwidth) {
        return new GpuAssumptions(1e9, 2, 1, 4, 2, 1e8, 10, 3, 4, 8, 1, 2, 1e12, bandwidth, 0.5, 4, 16);
    }

    @Test
    void phasesMatchHandComputedValues() {
        GpuProjection p = new GpuProjection(small(1e10));
        // cluster: 2 GPUs · 1e12 · 0.5 = 1e12 FLOP/s
        assertThat(p.prefill().flops()).isEqualTo(2.4e11); // 2·1e9·10·3·4
        assertThat(p.prefill().seconds()).isCloseTo(0.24, within(1e-12));
        assertThat(p.score().flops()).isEqualTo(2.4e11); // 2·1e8·(10·3·2 pairs)·(4 + 2·8)
        assertThat(p.score().seconds()).isCloseTo(0.24, within(1e-12));
        assertThat(p.train().flops()).isEqualTo(1.44e12); // 6·1e9·(2·10·(4 + 8))
        assertThat(p.train().seconds()).isCloseTo(1.44, within(1e-12));
        assertThat(p.phases()).last().satisfies(reference -> assertThat(reference.seconds()).isZero());
    }

    @Test
    void decodeIsMemoryBoundWhenReadingTheWeightsTakesLongerThanTheMath() {
        GpuProjection p = new GpuProjection(small(1e10));
        // bytes per step = 1e9·2 + 4·(4 + 8/2)·32 = 2,000,001,024; / 1e10 B/s = 0.2000001024 s
        assertThat(p.decodeStepBytes()).isEqualTo(2_000_001_024.0);
        // compute per step = 2·1e9·4 / (1e12·0.5) = 0.016 s < 0.2 s; steps = ⌈⌈30/2⌉/4⌉·8 = 4·8 = 32
        GpuProjection.Phase decode = p.decode();
        assertThat(decode.bound()).isEqualTo("memory bandwidth");
        assertThat(decode.seconds()).isCloseTo(32 * 0.2000001024, within(1e-9));
        assertThat(decode.flops()).isEqualTo(4.8e11); // 2·1e9·10·3·8
        assertThat(p.totalSeconds()).isCloseTo(0.24 + 6.4000032768 + 0.24 + 1.44, within(1e-9));
    }

    @Test
    void decodeIsComputeBoundOnceTheBandwidthIsAmple() {
        GpuProjection.Phase decode = new GpuProjection(small(1e15)).decode();
        assertThat(decode.bound()).isEqualTo("compute");
        assertThat(decode.seconds()).isCloseTo(32 * 0.016, within(1e-12));
    }

    @Test
    void memoryNeedsFollowTheAssumptions() {
        GpuProjection p = new GpuProjection(small(1e10));
        assertThat(p.weightBytes()).isEqualTo(2e9);
        assertThat(p.peakKvCacheBytes()).isEqualTo(4 * 12 * 32.0);
        assertThat(p.trainingStateBytesPerGpu()).isEqualTo(8e9); // 1e9·16 / 2
    }

    @Test
    void sevenBillionDefaultsGiveAKnownKeyValueFootprint() {
        GpuAssumptions a = GpuAssumptions.ultraFeedbackOn8H100();
        assertThat(a.kvBytesPerToken()).isEqualTo(131_072.0); // 2·32·8·128·2
        assertThat(new GpuProjection(a).train().flops()).isCloseTo(6 * 7.24e9 * 2 * 20_000 * 768, within(1e6));
    }

    @Test
    void anMfuOutsideZeroToOneIsRefusedByName() {
        assertThatThrownBy(() -> new GpuAssumptions(1e9, 2, 1, 4, 2, 1e8, 10, 3, 4, 8, 1, 2, 1e12, 1e10, 1.5, 4, 16))
                .hasMessageContaining("mfu");
    }
}
