package dev.sppo.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service stand-in on a random loopback port. By default it answers every request 200 with a
 * JSON echo of what it received ({@code service, method, path, query, body, bodyBytes, bodySha256, contentType,
 * apiKey, serviceKey, user, role}; {@code body} is the text of a body up to {@value #ECHOED_BODY_BYTES} bytes, null
 * for a larger one, which is hashed as it streams in and never held), except paths ending in {@code /missing},
 * which get a 404 problem body of its own. Started with canned answers, it gives those
 * (keyed by path and decoded query, e.g. {@code /actuator/metrics/x?tag=group:g}) and 404 for anything else. Either
 * way it keeps the {@code X-Service-Key} of every request ({@link #serviceKeys()}).
 */
final class StubService implements AutoCloseable {

    /** One canned answer: an HTTP status and a JSON body. */
    record Canned(int status, String json) {

        static Canned ok(String json) {
            return new Canned(200, json);
        }
    }

    private static final JsonMapper JSON = new JsonMapper();
    private static final int ECHOED_BODY_BYTES = 1 << 16;

    private final String name;
    private final Map<String, Canned> canned;
    private final HttpServer server;
    private final List<String> serviceKeys = new CopyOnWriteArrayList<>();

    private StubService(String name, Map<String, Canned> canned, HttpServer server) {
        this.name = name;
        this.canned = canned;
        this.server = server;
    }

    static StubService start(String name) {
        return start(name, null);
    }

    /** A stub that answers only the given targets; null makes it the echoing stub. */
    static StubService start(String name, Map<String, Canned> canned) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubService stub = new StubService(name, canned == null ? null : Map.copyOf(canned), server);
            server.createContext("/", stub.canned == null ? stub::echo : stub::answerCanned);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("stub " + name + " could not start", e);
        }
    }

    /** A loopback URL whose port was free a moment ago and has nothing listening on it now. */
    static String nobodyListening() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code X-Service-Key} of each request so far, in order ("none" for a request without one). */
    List<String> serviceKeys() {
        return List.copyOf(serviceKeys);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void echo(HttpExchange exchange) throws IOException {
        String serviceKey = keep(exchange);
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/missing")) {
            notFound(exchange, path);
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", exchange.getRequestURI().getRawQuery());
        MessageDigest digest = sha256();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long length = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                head.write(buffer, 0, (int) Math.max(0, Math.min(n, ECHOED_BODY_BYTES + 1 - length)));
                length += n;
            }
        }
        echo.put("body", length > ECHOED_BODY_BYTES ? null : head.toString(StandardCharsets.UTF_8));
        echo.put("bodyBytes", length);
        echo.put("bodySha256", HexFormat.of().formatHex(digest.digest()));
        echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        echo.put("apiKey", exchange.getRequestHeaders().getFirst("X-API-Key"));
        echo.put("serviceKey", serviceKey);
        echo.put("user", exchange.getRequestHeaders().getFirst("X-Sppo-User"));
        echo.put("role", exchange.getRequestHeaders().getFirst("X-Sppo-Role"));
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(echo));
    }

    private void answerCanned(HttpExchange exchange) throws IOException {
        keep(exchange);
        String query = exchange.getRequestURI().getQuery();
        String target = exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query);
        Canned answer = canned.get(target);
        if (answer == null) {
            notFound(exchange, target);
        } else {
            send(exchange, answer.status(), "application/json", answer.json().getBytes(StandardCharsets.UTF_8));
        }
    }

    private String keep(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("X-Service-Key");
        serviceKeys.add(key == null ? "none" : key);
        return key;
    }

    private void notFound(HttpExchange exchange, String target) throws IOException {
        send(exchange, 404, "application/problem+json", JSON.writeValueAsBytes(
                Map.of("title", "Not Found", "status", 404, "detail", name + " has no " + target)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The SHA-256 of {@code bytes} in lowercase hex, as the echo reports a body's. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
