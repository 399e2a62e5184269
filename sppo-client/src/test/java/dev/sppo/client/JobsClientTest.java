package dev.sppo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sppo.contracts.job.JobSummary;
import dev.sppo.contracts.job.JobView;
import dev.sppo.contracts.job.PolicyRow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a stub gateway on a random port that knows the key "k", job j-42 (trained twice, running), job j-9
 * (ends on its third reading) and refuses any job whose body names no iterations.
 */
class JobsClientTest {

    private static final String RUNNING_JOB = """
            {"id": "j-42", "name": "demo", "state": "RUNNING", "iteration": 1, "phase": "EVALUATE", "iterations": [
              {"iteration": 0, "metrics": {"train_seconds": 5.0, "base_task_score": 0.5}},
              {"iteration": 1, "metrics": {"train_seconds": 4.0}}]}
            """;
    private static final String JOBS = """
            [{"id": "j-9", "state": "RUNNING", "createdAt": "2026-11-24T10:00:00Z"},
             {"id": "j-42", "name": "demo", "state": "SUCCEEDED", "iteration": 1}]
            """;
    private static final String REFUSED = """
            {"title": "Bad Request", "status": 400, "detail": "2 invalid settings",
             "errors": [{"field": "iterations", "message": "expected a whole number"},
                        {"field": "training.beta", "message": "beta must be a finite number > 0"}]}
            """;

    private HttpServer server;
    private String url;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger readingsOfJ9 = new AtomicInteger();

    @BeforeEach
    void startStubGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/jobs", this::answer);
        server.createContext("/api/datasets", this::dataset);
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
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + path + " key=" + key);
        if (!"k".equals(key)) {
            send(exchange, 403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"The X-API-Key header does "
                    + "not hold a configured API key.\"}");
        } else if (path.equals("/api/jobs/c-7/stop") && exchange.getRequestMethod().equals("POST")) {
            send(exchange, 200, "{\"id\":\"c-7\",\"state\":\"SUCCEEDED\",\"iterations\":[]}");
        } else if (path.equals("/api/jobs/j-42/cancel") && exchange.getRequestMethod().equals("POST")) {
            send(exchange, 200, "{\"id\":\"j-42\",\"state\":\"CANCELLED\",\"iterations\":[]}");
        } else if (path.equals("/api/jobs") && exchange.getRequestMethod().equals("POST")) {
            submitted(exchange, body);
        } else if (path.equals("/api/jobs")) {
            send(exchange, 200, JOBS);
        } else if (path.equals("/api/jobs/j-42")) {
            send(exchange, 200, RUNNING_JOB);
        } else if (path.equals("/api/jobs/j-9")) {
            String state = readingsOfJ9.incrementAndGet() < 3 ? "RUNNING" : "FAILED";
            send(exchange, 200, "{\"id\":\"j-9\",\"state\":\"" + state + "\",\"iterations\":[]}");
        } else if (path.equals("/api/jobs/broken")) {
            send(exchange, 500, "oops");
        } else if (path.equals("/api/jobs/garbled")) {
            send(exchange, 200, "{\"id\":\"garbled\"}");
        } else {
            send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no job " + path + "\"}");
        }
    }

    /** Stores a JSONL upload as ds-1, refusing one whose first line is not an object as the trainer does. */
    private void dataset(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " /api/datasets?" + exchange.getRequestURI().getRawQuery() + " "
                + exchange.getRequestHeaders().getFirst("Content-Type") + " key="
                + exchange.getRequestHeaders().getFirst("X-API-Key") + " " + body.strip());
        if (body.startsWith("{")) {
            send(exchange, 201, "{\"id\":\"ds-1\",\"name\":\"quotes\"}");
        } else {
            send(exchange, 400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"1 invalid line\","
                    + "\"errors\":[{\"field\":\"line 1\",\"message\":\"not a JSON object\"}]}");
        }
    }

    private static void submitted(HttpExchange exchange, String body) throws IOException {
        if (body.contains("fields")) {
            send(exchange, 400, REFUSED);
        } else if (body.contains("plain")) {
            send(exchange, 400, "not a problem");
        } else {
            send(exchange, 201, "{\"id\":\"j-new\",\"state\":\"QUEUED\",\"iterations\":[]}");
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
    void stopPostsToTheJobsStopRouteAndReturnsTheStoppedJob() throws Exception {
        JobView stopped = new JobsClient(url, "k").stop("c-7");

        assertThat(requests).containsExactly("POST /api/jobs/c-7/stop key=k");
        assertThat(stopped.state()).isEqualTo("SUCCEEDED");
        assertThatThrownBy(() -> new JobsClient(url, "k").stop("j-9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no job j-9");
    }

    @Test
    void cancelPostsToTheJobsCancelRouteAndReturnsTheCancelledJob() throws Exception {
        JobView cancelled = new JobsClient(url, "k").cancel("j-42");

        assertThat(requests).containsExactly("POST /api/jobs/j-42/cancel key=k");
        assertThat(cancelled.state()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> new JobsClient(url, "k").cancel("j-9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no job j-9");
    }

    @Test
    void fetchesTheJobViewWithTheApiKey() throws Exception {
        JobView job = new JobsClient(url + "/", "k").job("j-42");

        assertThat(requests).containsExactly("GET /api/jobs/j-42 key=k");
        assertThat(job.name() + " (" + job.id() + ")").isEqualTo("demo (j-42)");
        assertThat(PolicyRow.of(job)).hasSize(3);
    }

    @Test
    void unknownJobIsNamedWithTheGatewaysProblemDetail() {
        assertThatThrownBy(() -> new JobsClient(url, "k").job("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no job nope at " + url + "/ (404: no job /api/jobs/nope)");
    }

    @Test
    void refusedKeyAndServerErrorsSayWhatTheGatewayAnswered() {
        assertThatThrownBy(() -> new JobsClient(url, "wrong").job("j-42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the gateway at " + url + "/ refused the API key (403: The X-API-Key header does not "
                        + "hold a configured API key.); pass a key it accepts (one of its SPPO_API_KEYS or a user's "
                        + "key of sppo.gateway.users) with --api-key");
        assertThatThrownBy(() -> new JobsClient(url, "k").job("broken")).isInstanceOf(IOException.class)
                .hasMessage("GET " + url + "/api/jobs/broken answered 500");
    }

    @Test
    void anAnswerThatIsNotAJobViewIsNamedWithTheJob() {
        assertThatThrownBy(() -> new JobsClient(url, "k").job("garbled")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job garbled at " + url + "/: the job view has no \"iterations\" array");
    }

    @Test
    void jobIdIsEncodedAsOnePathSegment() {
        assertThatThrownBy(() -> new JobsClient(url, "k").job("a/b c")).hasMessageStartingWith("no job a/b c");

        assertThat(requests).containsExactly("GET /api/jobs/a%2Fb%20c key=k");
    }

    @Test
    void unreachableGatewaySaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String closed = "http://localhost:" + closedPort;

        assertThatThrownBy(() -> new JobsClient(closed, "k").job("j-42")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot reach the gateway at " + closed + "/ (")
                .hasMessageEndingWith("); is the platform running (docker compose up, or ./sppo demo)?");
    }

    @Test
    void badGatewayUrlsAndBlankKeysAreRefused() {
        assertThatThrownBy(() -> new JobsClient("localhost:8080", "k"))
                .hasMessage("the gateway must be an http(s) URL, got localhost:8080");
        assertThatThrownBy(() -> new JobsClient("http://exa mple", "k"))
                .hasMessage("the gateway must be an http(s) URL, got http://exa mple");
        assertThatThrownBy(() -> new JobsClient(url, " ")).hasMessage("the API key must not be blank");
    }

    @Test
    void submitReturnsTheNewJobsIdAndARefusalNamesEveryField() throws Exception {
        JobsClient client = new JobsClient(url, "k");

        assertThat(client.submit("{\"name\":\"demo\"}")).isEqualTo("j-new");
        assertThatThrownBy(() -> client.submit("{\"fields\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the job was refused: iterations: expected a whole number; "
                        + "training.beta: beta must be a finite number > 0");
        assertThatThrownBy(() -> client.submit("{\"plain\":1}")).hasMessage("the job was refused: not a problem");
        assertThat(requests).containsOnly("POST /api/jobs key=k");
    }

    @Test
    void uploadDatasetSendsTheFileAsJsonLinesAndReturnsItsIdOrNamesTheRefusedLine(@TempDir Path tmp)
            throws Exception {
        Path prompts = Files.writeString(tmp.resolve("my prompts.jsonl"), "{\"prompt\": \"hi\"}\n");
        Path broken = Files.writeString(tmp.resolve("broken.jsonl"), "hi\n");
        JobsClient client = new JobsClient(url, "k");

        assertThat(client.uploadDataset("quotes", prompts)).isEqualTo("ds-1");
        assertThatThrownBy(() -> client.uploadDataset("quotes", broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the dataset " + broken + " was refused: line 1: not a JSON object");
        assertThat(requests.get(0)).isEqualTo("POST /api/datasets?name=quotes&file_name=my%20prompts.jsonl "
                + "application/x-ndjson key=k {\"prompt\": \"hi\"}");
    }

    @Test
    void listGivesEveryJobWithItsState() throws Exception {
        List<JobSummary> jobs = new JobsClient(url, "k").list();

        assertThat(jobs).extracting(JobSummary::id).containsExactly("j-9", "j-42");
        assertThat(jobs).extracting(JobSummary::ended).containsExactly(false, true);
    }

    @Test
    void followHandsEveryReadingToTheWatcherUntilTheJobEnds() throws Exception {
        List<String> seen = new ArrayList<>();

        JobView ended = new JobsClient(url, "k").follow("j-9", Duration.ofMillis(1), job -> seen.add(job.state()));

        assertThat(seen).containsExactly("RUNNING", "RUNNING", "FAILED");
        assertThat(ended.state()).isEqualTo("FAILED");
    }
}
