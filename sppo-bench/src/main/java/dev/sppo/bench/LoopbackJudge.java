package dev.sppo.bench;

import dev.sppo.judge.CountingJudgeMetrics;
import dev.sppo.judge.LlmJudge;
import dev.sppo.judge.LlmJudgeConfig;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import java.util.List;

/**
 * The {@code llm_judge} preference model as a job gets it by default ({@link LlmJudgeConfig#builder}'s settings:
 * {@value #IN_FLIGHT} exchanges in flight, log-probabilities on, the built-in template), asking a {@link
 * LoopbackChatServer} that this starts and stops. Each unordered pair costs two exchanges (both orders), so its
 * rate is at most {@value #IN_FLIGHT} / (2 · exchange time) pairs per second; against a real server the exchange
 * time is the model's latency plus what this measures.
 */
public final class LoopbackJudge implements PreferenceModel, AutoCloseable {

    /** Exchanges in flight: the judge's default {@code max-concurrency}. */
    public static final int IN_FLIGHT = 4;

    private final LoopbackChatServer server;
    private final CountingJudgeMetrics metrics = new CountingJudgeMetrics();
    private final LlmJudge judge;

    private LoopbackJudge(LoopbackChatServer server) {
        this.server = server;
        this.judge = new LlmJudge(LlmJudgeConfig.builder("loopback", server.baseUrl(), "loopback-verdicts").build(),
                name -> null, metrics);
    }

    /** Starts the server and the judge that asks it. */
    public static LoopbackJudge start() {
        return new LoopbackJudge(LoopbackChatServer.start());
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        return judge.compare(prompt, responses);
    }

    /** HTTP exchanges so far. */
    public long exchanges() {
        return metrics.calls();
    }

    /**
     * The summed time of those exchanges, in milliseconds, each from sending its request (the judge's prompt already
     * rendered) to its verdict parsed: the HTTP round trip over loopback, the server's answer and reading it.
     */
    public double exchangeMillis() {
        return metrics.totalLatency().toNanos() / 1e6;
    }

    /** The judge as a report names it: where it asks, and how many at once. */
    public static String describe() {
        return "LLM judge (OpenAI-compatible server on loopback, " + IN_FLIGHT + " in flight)";
    }

    @Override
    public void close() {
        judge.close();
        server.close();
    }
}
