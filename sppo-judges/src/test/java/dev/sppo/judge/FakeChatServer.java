package dev.sppo.judge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local OpenAI-style chat-completions server on a free loopback port whose answers a test scripts; shared with the
 * tests of other modules through this module's test jar.
 */
public final class FakeChatServer implements AutoCloseable {

    /** What the server does with one request: wait {@code delayMillis}, then answer {@code status} and {@code body}. */
    public record Reply(int status, String body, long delayMillis) {

        public static Reply ok(String body) {
            return new Reply(200, body, 0);
        }
    }

    /** One request as the server saw it. */
    public record Seen(JsonObject body, String authorization) {

        /** The rendered judge prompt, the user message. */
        public String content() {
            return body.getAsJsonArray("messages").get(0).getAsJsonObject().get("content").getAsString();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public FakeChatServer(Function<Seen, Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, script));
        server.start();
    }

    /** A chat completion whose message content is {@code content}. */
    public static String completion(String content) {
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        message.addProperty("content", content);
        JsonObject choice = new JsonObject();
        choice.add("message", message);
        JsonArray choices = new JsonArray();
        choices.add(choice);
        JsonObject root = new JsonObject();
        root.add("choices", choices);
        return root.toString();
    }

    /**
     * A completion answering {@code content} whose first token is the verdict, with the top log-probabilities
     * {@code top}: token, log-probability, token, log-probability, ...
     */
    public static String completionWithLogprobs(String content, Object... top) {
        JsonObject root = JsonParser.parseString(completion(content)).getAsJsonObject();
        JsonArray alternatives = new JsonArray();
        for (int i = 0; i < top.length; i += 2) {
            JsonObject entry = new JsonObject();
            entry.addProperty("token", (String) top[i]);
            entry.addProperty("logprob", (Double) top[i + 1]);
            alternatives.add(entry);
        }
        JsonObject token = new JsonObject();
        token.addProperty("token", content);
        token.addProperty("logprob", -0.1);
        token.add("top_logprobs", alternatives);
        JsonArray tokens = new JsonArray();
        tokens.add(token);
        JsonObject logprobs = new JsonObject();
        logprobs.add("content", tokens);
        root.getAsJsonArray("choices").get(0).getAsJsonObject().add("logprobs", logprobs);
        return root.toString();
    }

    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/v1");
    }

    public List<Seen> seen() {
        return seen;
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange, Function<Seen, Reply> script) throws IOException {
        try (exchange) {
            Reply reply = answer(exchange, script);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the request and waits out the reply's delay; the exchange counts as in flight only meanwhile. */
    private Reply answer(HttpExchange exchange, Function<Seen, Reply> script) throws IOException,
            InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen request = new Seen(JsonParser.parseString(text).getAsJsonObject(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add(request);
            Reply reply = script.apply(request);
            Thread.sleep(reply.delayMillis());
            return reply;
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
