package dev.sppo.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} endpoint on the loopback interface, inside this JVM, that
 * answers every request at once with a one-token verdict and the top log-probabilities of "A" and "B": what the
 * bench times an LLM judge against, so that the rate measures the judge's own costs (rendering the prompt, JSON,
 * one HTTP exchange over loopback, reading the verdict) and none of a model's. It binds only the loopback address.
 *
 * <p>The verdict is a function of the request body alone: with h = the body's {@link Arrays#hashCode(byte[])},
 * <pre>  p_A = 0.05 + 0.9 · (h mod 256) / 255</pre>
 * answered as the log-probabilities log p_A and log(1 − p_A), the likelier letter being the content.
 */
public final class LoopbackChatServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackChatServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts a server on a free loopback port that answers {@code threads} requests at a time. */
    public static LoopbackChatServer start(int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            server.setExecutor(pool);
            server.createContext("/v1/chat/completions", LoopbackChatServer::answer);
            server.start();
            return new LoopbackChatServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the bench's chat server", e);
        }
    }

    /** The API root, {@code http://127.0.0.1:<port>/v1}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/v1");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] body = completion(0.05 + 0.9 * Math.floorMod(Arrays.hashCode(request), 256) / 255.0)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A chat completion whose verdict token is "A" with probability {@code pA} and "B" otherwise. */
    static String completion(double pA) {
        String verdict = pA >= 0.5 ? "A" : "B";
        double a = Math.log(pA);
        double b = Math.log(1 - pA);
        return String.format(Locale.ROOT, "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},\"logprobs\":{\"content\":[{\"token\":"
                + "\"%s\",\"logprob\":%.6f,\"top_logprobs\":[{\"token\":\"A\",\"logprob\":%.6f},{\"token\":\"B\","
                + "\"logprob\":%.6f}]}]},\"finish_reason\":\"stop\"}]}", verdict, verdict, Math.max(a, b), a, b);
    }
}
