package dev.sppo.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends requests to the gateway under test and reads JSON answers. */
final class GatewayClient {

    static final String KEY = "test-key";
    /** The service key the gateway under test sends its downstream services. */
    static final String SERVICE_KEY = "gateway-test-service-key";

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    GatewayClient(int port) {
        this.port = port;
    }

    /** A request with the test API key; {@code body} may be null. */
    HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, KEY);
    }

    /** A request with the given API key, or none when {@code apiKey} is null; {@code body} may be null. */
    HttpResponse<String> send(String method, String path, String body, String apiKey) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, publisher)
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request);
    }

    /** A GET with the test API key and one more header. */
    HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("X-API-Key", KEY).header(header, value));
    }

    /** A POST of {@code body} with the test API key, streamed without a declared length as {@code curl -T} sends. */
    HttpResponse<String> upload(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", contentType)
                .header("X-API-Key", KEY));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
