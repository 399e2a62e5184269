package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.preference.PreferenceResult;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

class LoopbackChatServerTest {

    @Test
    void itListensOnTheLoopbackAddressOnly() throws Exception {
        try (LoopbackChatServer server = LoopbackChatServer.start()) {
            assertThat(InetAddress.getByName(server.baseUrl().getHost()).isLoopbackAddress()).isTrue();
            assertThat(server.baseUrl().getPath()).isEqualTo("/v1");
        }
    }

    @Test
    void aVerdictIsTheLikelierLetterWithBothLogProbabilities() {
        assertThat(LoopbackChatServer.completion(0.8)).contains("\"content\":\"A\"",
                "{\"token\":\"A\",\"logprob\":-0.223144}", "{\"token\":\"B\",\"logprob\":-1.609438}");
        assertThat(LoopbackChatServer.completion(0.25)).contains("\"content\":\"B\"");
    }

    @Test
    void anLlmJudgeReadsItsVerdictsAsProbabilitiesAndTheSameRequestGetsTheSameOne() {
        try (LoopbackJudge judge = LoopbackJudge.start()) {
            List<String> responses = List.of("one", "two", "three");

            PreferenceResult first = judge.compare("which?", responses);
            PreferenceResult again = judge.compare("which?", responses);

            assertThat(judge.exchanges()).as("K(K-1) = 6 ordered pairs, twice").isEqualTo(12);
            assertThat(judge.exchangeMillis()).isPositive();
            for (int i = 0; i < 3; i++) {
                assertThat(again.matrix().p()[i]).containsExactly(first.matrix().p()[i]);
                for (int j = 0; j < 3; j++) {
                    assertThat(first.matrix().get(i, j)).isBetween(0.05, 0.95);
                    assertThat(first.matrix().get(i, j) + first.matrix().get(j, i)).isCloseTo(1, offset(1e-12));
                }
            }
        }
    }
}
