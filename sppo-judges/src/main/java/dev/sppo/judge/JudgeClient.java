package dev.sppo.judge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Asks one LLM judge for one ordered comparison, "is A better than B?", and returns p_A (see {@link Verdicts}).
 *
 * <p>Every exchange holds one of {@code maxConcurrency} permits, shared by all comparisons of the judge; a retry
 * waits {@code initialBackoff * 2^(n-1)} before the n-th retry, holding no permit. After {@code maxRetries}
 * retries, or at once for a non-retryable outcome, it throws a {@link JudgeException}.
 */
final class JudgeClient {

    private static final int TOP_LOGPROBS = 5;

    private final LlmJudgeConfig config;
    private final ApiKey key;
    private final JudgeMetrics metrics;
    private final HttpClient http;
    private final Semaphore permits;

    JudgeClient(LlmJudgeConfig config, ApiKey key, JudgeMetrics metrics) {
        this.config = config;
        this.key = key;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .build();
        this.permits = new Semaphore(config.maxConcurrency(), true);
    }

    /**
     * @param pair names the comparison in an error, for example {@code "responses 0 (as A) and 2 (as B)"}
     * @return p_A in [0, 1]
     * @throws JudgeException when every attempt failed, or the thread was interrupted
     */
    double probabilityAWins(String prompt, String responseA, String responseB, String pair) {
        HttpRequest request = request(PromptTemplate.render(config.promptTemplate(), prompt, responseA, responseB));
        int attempt = 0;
        while (true) {
            try {
                return attempt(request);
            } catch (AttemptFailedException failure) {
                if (!failure.outcome().retryable() || attempt == config.maxRetries()) {
                    metrics.failed(failure.outcome());
                    throw new JudgeException("LLM judge '" + config.name() + "' (model " + config.model() + " at "
                            + config.chatCompletions() + "): " + pair + " failed after " + (attempt + 1)
                            + " attempt(s); last: " + failure.outcome() + ": " + key.redact(failure.getMessage()));
                }
                metrics.retried(failure.outcome());
                sleep(config.initialBackoff().multipliedBy(1L << Math.min(attempt, 20)), pair);
                attempt++;
            }
        }
    }

    private double attempt(HttpRequest request) {
        acquire();
        long start = System.nanoTime();
        CallOutcome outcome = CallOutcome.OK;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcome = CallOutcome.ofStatus(response.statusCode());
            if (outcome != CallOutcome.OK) {
                throw new AttemptFailedException(outcome, "HTTP " + response.statusCode() + ": "
                        + AttemptFailedException.excerpt(response.body()));
            }
            return Verdicts.probabilityA(response.body(), config.useLogprobs());
        } catch (AttemptFailedException e) {
            outcome = e.outcome();
            throw e;
        } catch (HttpTimeoutException e) {
            outcome = CallOutcome.TIMEOUT;
            throw new AttemptFailedException(outcome, "no answer within " + config.timeout());
        } catch (IOException e) {
            outcome = CallOutcome.CONNECTION_ERROR;
            throw new AttemptFailedException(outcome, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("LLM judge '" + config.name() + "': interrupted while waiting for an answer");
        } finally {
            permits.release();
            metrics.called(Duration.ofNanos(System.nanoTime() - start), outcome);
        }
    }

    private HttpRequest request(String content) {
        JsonObject message = new JsonObject();
        message.addProperty("role", "user");
        message.addProperty("content", content);
        JsonArray messages = new JsonArray();
        messages.add(message);
        JsonObject body = new JsonObject();
        body.addProperty("model", config.model());
        body.add("messages", messages);
        body.addProperty("temperature", config.temperature());
        body.addProperty("max_tokens", config.maxTokens());
        if (config.useLogprobs()) {
            body.addProperty("logprobs", true);
            body.addProperty("top_logprobs", TOP_LOGPROBS);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.chatCompletions()).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        key.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("LLM judge '" + config.name() + "': interrupted while waiting for a free slot");
        }
    }

    private void sleep(Duration backoff, String pair) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("LLM judge '" + config.name() + "': interrupted while backing off on " + pair);
        }
    }
}
