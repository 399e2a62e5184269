package dev.sppo.judge;

import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A preference model that asks an LLM over an OpenAI-compatible chat-completions endpoint which of two responses
 * is better, in both orders to cancel its position bias.
 *
 * <p>For each pair i &lt; j it asks twice: with y_i shown as A and y_j as B, giving a_ij = p_A (the probability that
 * the judge picks A, see {@link Verdicts}), and with y_j as A and y_i as B, giving a_ji. Then
 * <pre>  P[i][j] = (a_ij + (1 - a_ji)) / 2,   P[j][i] = 1 - P[i][j],   P[i][i] = 1/2</pre>
 * so a judge that always answers "A" gives P = 1/2 everywhere. The scores are the win rates
 * <pre>  s_i = Phat_i = (1/K) * sum_j P[i][j]</pre>
 * The K(K-1) questions of a prompt run in parallel on a small pool, at most {@code maxConcurrency} in flight
 * over all prompts. A question that fails after its retries fails the whole comparison with a
 * {@link JudgeException}: a probability is never guessed.
 */
public final class LlmJudge implements PreferenceModel, AutoCloseable {

    private final LlmJudgeConfig config;
    private final JudgeClient client;
    private final ExecutorService pool;

    /**
     * @param environment looks up the environment variable named by {@code apiKeyEnv} ({@code System::getenv})
     * @param metrics told of every exchange, retry and failure
     * @throws IllegalArgumentException when {@code apiKeyEnv} names an unset variable
     */
    public LlmJudge(LlmJudgeConfig config, UnaryOperator<String> environment, JudgeMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = new JudgeClient(config, ApiKey.from(config, environment), Objects.requireNonNull(metrics,
                "metrics"));
        this.pool = Executors.newFixedThreadPool(2 * config.maxConcurrency(), daemonThreads(config.name()));
    }

    /** Reads the key from the process environment and reports no metrics. */
    public LlmJudge(LlmJudgeConfig config) {
        this(config, System::getenv, JudgeMetrics.NONE);
    }

    public LlmJudgeConfig config() {
        return config;
    }

    /** @throws JudgeException when a question fails after its retries */
    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        Objects.requireNonNull(prompt, "prompt");
        if (responses == null || responses.size() < 2 || responses.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("responses must hold K >= 2 non-null responses to compare, got "
                    + responses);
        }
        double[][] shownFirstWins = ask(prompt, responses);
        int k = responses.size();
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            p[i][i] = 0.5;
            for (int j = i + 1; j < k; j++) {
                p[i][j] = (shownFirstWins[i][j] + (1 - shownFirstWins[j][i])) / 2;
                p[j][i] = 1 - p[i][j];
            }
        }
        PreferenceMatrix matrix = new PreferenceMatrix(p);
        return new PreferenceResult(matrix, matrix.winRates());
    }

    /** a[i][j] = p_A with y_i as A and y_j as B, for every i != j. */
    private double[][] ask(String prompt, List<String> responses) {
        int k = responses.size();
        List<Future<Double>> futures = new ArrayList<>(k * (k - 1));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    String a = responses.get(i);
                    String b = responses.get(j);
                    String pair = "responses " + i + " (as A) and " + j + " (as B)";
                    futures.add(pool.submit(() -> client.probabilityAWins(prompt, a, b, pair)));
                }
            }
        }
        double[][] a = new double[k][k];
        int next = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    a[i][j] = await(futures, next++);
                }
            }
        }
        return a;
    }

    private double await(List<Future<Double>> futures, int index) {
        try {
            return futures.get(index).get();
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new JudgeException("LLM judge '" + config.name() + "' failed: " + e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new JudgeException("LLM judge '" + config.name() + "': interrupted while comparing");
        }
    }

    /** Stops the judge's threads; comparisons in flight fail. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "LlmJudge[" + config.name() + ": " + config.model() + " at " + config.baseUrl() + "]";
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "llm-judge-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
