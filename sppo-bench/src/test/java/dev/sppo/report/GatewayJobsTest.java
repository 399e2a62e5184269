package dev.sppo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stub gateway on a random port that knows job j-42 and the key "k". */
class GatewayJobsTest {

    private HttpServer server;
    private String url;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStubGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/jobs/", this::answer);
        server.start();
        url = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        requests.add(exchange.getRequestMethod() + " " + path + " key=" + key);
        if (!"k".equals(key)) {
            send(exchange, 403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"The X-API-Key header does "
                    + "not hold a configured API key.\"}");
        } else if (path.equals("/api/jobs/j-42")) {
            send(exchange, 200, JobViewRowsTest.RUNNING_JOB);
        } else if (path.equals("/api/jobs/broken")) {
            send(exchange, 500, "oops");
        } else {
            send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no job " + path + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void fetchesTheJobViewWithTheApiKeyAndMapsItsRows() throws IOException {
        ReportSource source = new GatewayJobs(url + "/", "k").job("j-42");

        assertThat(requests).containsExactly("GET /api/jobs/j-42 key=k");
        assertThat(source.title()).startsWith("job demo (j-42)");
        assertThat(source.rows()).hasSize(3);
    }

    @Test
    void unknownJobIsNamedWithTheGatewaysProblemDetail() {
        assertThatThrownBy(() -> new GatewayJobs(url, "k").job("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no job nope at " + url + "/ (404: no job /api/jobs/nope)");
    }

    @Test
    void refusedKeyAndServerErrorsSayWhatTheGatewayAnswered() {
        assertThatThrownBy(() -> new GatewayJobs(url, "wrong").job("j-42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the gateway at " + url + "/ refused the API key (403: The X-API-Key header does not "
                        + "hold a configured API key.); pass one of its SPPO_API_KEYS with --api-key");
        assertThatThrownBy(() -> new GatewayJobs(url, "k").job("broken")).isInstanceOf(IOException.class)
                .hasMessage("GET " + url + "/api/jobs/broken answered 500");
    }

    @Test
    void jobIdIsEncodedAsOnePathSegment() {
        assertThatThrownBy(() -> new GatewayJobs(url, "k").job("a/b c")).hasMessageStartingWith("no job a/b c");

        assertThat(requests).containsExactly("GET /api/jobs/a%2Fb%20c key=k");
    }

    @Test
    void unreachableGatewaySaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String closed = "http://localhost:" + closedPort;

        assertThatThrownBy(() -> new GatewayJobs(closed, "k").job("j-42")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot reach the gateway at " + closed + "/ (")
                .hasMessageEndingWith("); is the platform running (docker compose up, or ./sppo demo)?");
    }

    @Test
    void badGatewayUrlsAndBlankKeysAreRefused() {
        assertThatThrownBy(() -> new GatewayJobs("localhost:8080", "k"))
                .hasMessage("the gateway must be an http(s) URL, got localhost:8080");
        assertThatThrownBy(() -> new GatewayJobs("http://exa mple", "k"))
                .hasMessage("the gateway must be an http(s) URL, got http://exa mple");
        assertThatThrownBy(() -> new GatewayJobs(url, " ")).hasMessage("the API key must not be blank");
    }
}
