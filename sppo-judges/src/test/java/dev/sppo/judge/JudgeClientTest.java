package dev.sppo.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.judge.FakeChatServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One ordered question and its retries, counted exactly. */
class JudgeClientTest {

    private FakeChatServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedWithBackoffUntilAnAnswer() throws IOException {
        List<Reply> replies = List.of(new Reply(500, "oops", 0), new Reply(429, "slow down", 0),
                Reply.ok(FakeChatServer.completion("B")));
        AtomicInteger next = new AtomicInteger();
        server = new FakeChatServer(r -> replies.get(next.getAndIncrement()));
        CountingJudgeMetrics metrics = new CountingJudgeMetrics();

        double p = client(3, metrics).probabilityAWins("p", "a", "b", "pair");

        assertThat(p).isZero();
        assertThat(metrics.calls()).isEqualTo(3);
        assertThat(metrics.retries()).isEqualTo(2);
        assertThat(metrics.failures()).isZero();
    }

    @Test
    void aTimeoutIsRetriedAndTheNextAnswerCounts() throws IOException {
        AtomicInteger next = new AtomicInteger();
        server = new FakeChatServer(r -> new Reply(200, FakeChatServer.completion("A"),
                next.getAndIncrement() == 0 ? 2_000 : 0));
        CountingJudgeMetrics metrics = new CountingJudgeMetrics();
        LlmJudgeConfig config = config(2).timeout(Duration.ofMillis(150)).build();

        double p = new JudgeClient(config, ApiKey.from(config, name -> null), metrics)
                .probabilityAWins("p", "a", "b", "pair");

        assertThat(p).isEqualTo(1.0);
        assertThat(metrics.retries()).isEqualTo(1);
        assertThat(metrics.totalLatency()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void exhaustedRetriesThrowWithTheLastServerTextTruncated() throws IOException {
        String longBody = "x".repeat(1000);
        server = new FakeChatServer(r -> new Reply(503, longBody, 0));
        CountingJudgeMetrics metrics = new CountingJudgeMetrics();

        assertThatThrownBy(() -> client(2, metrics).probabilityAWins("p", "a", "b", "responses 1 (as A) and 0 (as B)"))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("responses 1 (as A) and 0 (as B) failed after 3 attempt(s)")
                .hasMessageContaining("SERVER_ERROR: HTTP 503")
                .hasMessageContaining("(1000 chars)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
        assertThat(metrics.calls()).isEqualTo(3);
        assertThat(metrics.retries()).isEqualTo(2);
        assertThat(metrics.failures()).isEqualTo(1);
    }

    @Test
    void clientErrorsOtherThan429AreNotRetried() throws IOException {
        server = new FakeChatServer(r -> new Reply(404, "{\"error\":\"model not found\"}", 0));
        CountingJudgeMetrics metrics = new CountingJudgeMetrics();

        assertThatThrownBy(() -> client(3, metrics).probabilityAWins("p", "a", "b", "pair"))
                .hasMessageContaining("failed after 1 attempt(s)")
                .hasMessageContaining("CLIENT_ERROR: HTTP 404")
                .hasMessageContaining("model not found");
        assertThat(metrics.calls()).isEqualTo(1);
        assertThat(metrics.retries()).isZero();
    }

    private JudgeClient client(int maxRetries, JudgeMetrics metrics) {
        LlmJudgeConfig config = config(maxRetries).build();
        return new JudgeClient(config, ApiKey.from(config, name -> null), metrics);
    }

    private LlmJudgeConfig.Builder config(int maxRetries) {
        return LlmJudgeConfig.builder("fake", server.baseUrl(), "m").maxRetries(maxRetries)
                .initialBackoff(Duration.ofMillis(1));
    }
}
