package dev.sppo.generator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingChunksTest {

    @Test
    void callsHoldOneLengthEachAndAllCallsOfALengthHaveTheSameSize() {
        BatchingProperties bounds = new BatchingProperties(512, 4, 32768);

        List<SamplingChunks.Call> calls = SamplingChunks.of(List.of(5, 3, 5, 3, 5, 4), 2, 4, bounds);

        assertThat(calls).containsExactly(
                new SamplingChunks.Call(List.of(1, 3), 2),
                new SamplingChunks.Call(List.of(5), 2),
                new SamplingChunks.Call(List.of(0, 2), 2),
                new SamplingChunks.Call(List.of(4), 2));
    }

    @Test
    void theCacheBoundShrinksTheCallsOfLongPromptsButNeverBelowOnePrompt() {
        BatchingProperties bounds = new BatchingProperties(512, 100, 40);

        assertThat(SamplingChunks.promptsPerCall(1, 2, 4, bounds)).as("40 / (2 × 5)").isEqualTo(4);
        assertThat(SamplingChunks.promptsPerCall(5, 2, 4, bounds)).as("40 / (2 × 9)").isEqualTo(2);
        assertThat(SamplingChunks.promptsPerCall(30, 2, 4, bounds)).isEqualTo(1);
        assertThat(SamplingChunks.promptsPerCall(1, 2, 4, new BatchingProperties(512, 3, 32768)))
                .as("3 rows hold one prompt of K = 2").isEqualTo(1);
    }
}
