package dev.sppo.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service stand-in on a random loopback port. It answers every request 200 with a JSON echo
 * of what it received ({@code service, method, path, query, body, apiKey}), except paths ending in
 * {@code /missing}, which get a 404 problem body of its own.
 */
final class StubService implements AutoCloseable {

    private static final JsonMapper JSON = new JsonMapper();

    private final String name;
    private final HttpServer server;

    private StubService(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static StubService start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubService stub = new StubService(name, server);
            server.createContext("/", stub::answer);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("stub " + name + " could not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/missing")) {
            send(exchange, 404, "application/problem+json",
                    Map.of("title", "Not Found", "status", 404, "detail", name + " has no " + path));
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        echo.put("apiKey", exchange.getRequestHeaders().getFirst("X-API-Key"));
        send(exchange, 200, "application/json", echo);
    }

    private static void send(HttpExchange exchange, int status, String contentType, Map<String, Object> body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
