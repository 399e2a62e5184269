package dev.sppo.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.sppo.judge.FakeChatServer.Reply;
import dev.sppo.judge.FakeChatServer.Seen;
import dev.sppo.preference.PreferenceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link LlmJudge} against a local fake chat-completions server. */
class LlmJudgeTest {

    /** Lets the fake read which response is shown as A and which as B. */
    static final String TEMPLATE = "{prompt}|{response_a}|{response_b}";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aJudgeThatAlwaysAnswersAGivesOneHalfEverywhereBecauseBothOrdersAreAsked() throws IOException {
        LlmJudge judge = judge(server(r -> Reply.ok(FakeChatServer.completion("A"))), b -> b);

        PreferenceResult result = judge.compare("2+2=", List.of("4", "5", "22"));

        for (double[] row : result.matrix().p()) {
            assertThat(row).containsExactly(0.5, 0.5, 0.5);
        }
        assertThat(result.scores()).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void textVerdictsOfAConsistentJudgeGiveTheHandComputedMatrixAndRowMeanScores() throws IOException {
        FakeChatServer server = server(r -> Reply.ok(FakeChatServer.completion(
                shownA(r).length() > shownB(r).length() ? " \"A\"\n" : "Response B")));
        LlmJudge judge = judge(server, b -> b);

        PreferenceResult result = judge.compare("say something", List.of("hello", "hi", "greetings"));

        // The longer response always wins: P = [[.5, 1, 0], [0, .5, 0], [1, 1, .5]].
        assertThat(result.matrix().p()[0]).containsExactly(0.5, 1.0, 0.0);
        assertThat(result.matrix().p()[1]).containsExactly(0.0, 0.5, 0.0);
        assertThat(result.matrix().p()[2]).containsExactly(1.0, 1.0, 0.5);
        assertThat(result.scores()).containsExactly(1.5 / 3, 0.5 / 3, 2.5 / 3);
        assertThat(server.seen()).hasSize(6).allSatisfy(r -> assertThat(r.content()).startsWith("say something|"));
    }

    @Test
    void logprobsOfTheVerdictTokenGiveTheNormalisedProbabilityOfBothOrders() throws IOException {
        // With "x" as A the judge puts 0.3 + 0.3 on A and 0.15 on B: a = 0.8; with "y" as A, 0.2 vs 0.3: a = 0.4.
        FakeChatServer server = server(r -> Reply.ok("x".equals(shownA(r))
                ? FakeChatServer.completionWithLogprobs("A", "A", Math.log(0.3), " A", Math.log(0.3), "B",
                        Math.log(0.15), "C", Math.log(0.1))
                : FakeChatServer.completionWithLogprobs("B", "B", Math.log(0.3), "A", Math.log(0.2))));
        LlmJudge judge = judge(server, b -> b);

        PreferenceResult result = judge.compare("p", List.of("x", "y"));

        // P[x][y] = (0.8 + (1 - 0.4)) / 2 = 0.7
        assertThat(result.matrix().get(0, 1)).isCloseTo(0.7, offset(1e-12));
        assertThat(result.matrix().get(1, 0)).isCloseTo(0.3, offset(1e-12));
        assertThat(result.scores()).containsExactly(0.6, 0.4);
        Seen request = server.seen().get(0);
        assertThat(request.body().get("logprobs").getAsBoolean()).isTrue();
        assertThat(request.body().get("top_logprobs").getAsInt()).isPositive();
        assertThat(request.body().get("temperature").getAsDouble()).isZero();
        assertThat(request.body().get("model").getAsString()).isEqualTo("judge-model");
    }

    @Test
    void malformedAnswersAreRetriedThenFailTheComparisonNamingThePairAndTheAnswer() throws IOException {
        FakeChatServer server = server(r -> Reply.ok(FakeChatServer.completion("I think A is better")));
        CountingJudgeMetrics metrics = new CountingJudgeMetrics();
        LlmJudge judge = judge(server, b -> b.maxRetries(2).maxConcurrency(1), metrics);

        assertThatThrownBy(() -> judge.compare("p", List.of("x", "y")))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("LLM judge 'fake'")
                .hasMessageMatching("(?s).*responses [01] \\(as A\\) and [01] \\(as B\\).*")
                .hasMessageContaining("failed after 3 attempt(s)")
                .hasMessageContaining("MALFORMED")
                .hasMessageContaining("'I think A is better'");
        assertThat(metrics.failures()).isPositive();
        assertThat(metrics.retries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void timeoutsAreRetriedThenFailClearly() throws IOException {
        FakeChatServer server = server(r -> new Reply(200, FakeChatServer.completion("A"), 2_000));
        LlmJudge judge = judge(server, b -> b.timeout(Duration.ofMillis(100)).maxRetries(1));

        assertThatThrownBy(() -> judge.compare("p", List.of("x", "y")))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("failed after 2 attempt(s)")
                .hasMessageContaining("TIMEOUT: no answer within PT0.1S");
    }

    @Test
    void noMoreThanMaxConcurrencyExchangesAreInFlightAtOnce() throws IOException {
        FakeChatServer server = server(r -> new Reply(200, FakeChatServer.completion("A"), 50));
        LlmJudge judge = judge(server, b -> b.maxConcurrency(2));

        judge.compare("p", List.of("a", "b", "c", "d"));

        assertThat(server.seen()).hasSize(12);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }

    @Test
    void theApiKeyIsSentAsBearerAndNeverAppearsInErrorsOrToString() throws IOException {
        String key = "sk-very-secret-123";
        FakeChatServer server = server(r -> new Reply(400, "{\"error\":\"bad request, you sent "
                + r.authorization() + "\"}", 0));
        LlmJudgeConfig config = LlmJudgeConfig.builder("fake", server.baseUrl(), "judge-model")
                .promptTemplate(TEMPLATE).apiKeyEnv("JUDGE_KEY").initialBackoff(Duration.ofMillis(1)).build();
        LlmJudge judge = track(new LlmJudge(config, Map.of("JUDGE_KEY", key)::get, JudgeMetrics.NONE));

        assertThatThrownBy(() -> judge.compare("p", List.of("x", "y")))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("you sent Bearer [redacted]")
                .hasMessageContaining("failed after 1 attempt(s)")
                .hasMessageNotContaining(key);
        assertThat(server.seen()).extracting(Seen::authorization).contains("Bearer " + key);
        assertThat(judge.toString()).doesNotContain(key);
        assertThat(config.toString()).doesNotContain(key);
    }

    @Test
    void anUnsetKeyVariableIsNamedAtConstruction() {
        LlmJudgeConfig config = LlmJudgeConfig.builder("fake", URI.create("http://localhost:1/v1"), "m")
                .apiKeyEnv("MISSING_JUDGE_KEY").build();

        assertThatThrownBy(() -> new LlmJudge(config, name -> null, JudgeMetrics.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKeyEnv")
                .hasMessageContaining("MISSING_JUDGE_KEY is not set");
    }

    static String shownA(Seen request) {
        return request.content().split("\\|", -1)[1];
    }

    static String shownB(Seen request) {
        return request.content().split("\\|", -1)[2];
    }

    private FakeChatServer server(Function<Seen, Reply> script) throws IOException {
        return track(new FakeChatServer(script));
    }

    private LlmJudge judge(FakeChatServer server, Function<LlmJudgeConfig.Builder, LlmJudgeConfig.Builder> settings) {
        return judge(server, settings, JudgeMetrics.NONE);
    }

    private LlmJudge judge(FakeChatServer server, Function<LlmJudgeConfig.Builder, LlmJudgeConfig.Builder> settings,
            JudgeMetrics metrics) {
        LlmJudgeConfig.Builder builder = LlmJudgeConfig.builder("fake", server.baseUrl(), "judge-model")
                .promptTemplate(TEMPLATE).initialBackoff(Duration.ofMillis(1));
        return track(new LlmJudge(settings.apply(builder).build(), name -> null, metrics));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
