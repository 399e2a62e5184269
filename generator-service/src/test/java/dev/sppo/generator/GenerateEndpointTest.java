package dev.sppo.generator;

import com.jayway.jsonpath.JsonPath;
import dev.sppo.task.Tasks;
import dev.sppo.tokenizer.CharTokenizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /generate} and the actuator endpoints over real HTTP. */
class GenerateEndpointTest extends GeneratorContextTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void generateReturnsKSeededResponsesWithTheirLogprobs() throws Exception {
        String body = generateBody(checkpoint.toUri().toString(), "3", "0.9", "6");

        HttpResponse<String> first = post("/generate", body);
        HttpResponse<String> second = post("/generate", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        List<Map<String, Object>> responses = JsonPath.read(first.body(), "$.responses");
        assertThat(responses).hasSize(3);
        CharTokenizer tokenizer = new CharTokenizer(Tasks.byName("addition").alphabet());
        for (Map<String, Object> response : responses) {
            List<Integer> ids = JsonPath.read(response, "$.tokenIds");
            assertThat(response.get("text")).isEqualTo(tokenizer.decode(ids.stream().mapToInt(i -> i).toArray()));
            assertThat(((Number) response.get("logprob")).doubleValue()).isNegative();
        }
    }

    @Test
    void invalidFieldsGive400NamingEachField() throws Exception {
        HttpResponse<String> response = post("/generate", """
                {"checkpointUri": "/x", "prompt": " ", "sampling": {"k": 0, "topP": 1.5, "maxNewTokens": 4}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, String> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).containsOnlyKeys("prompt", "sampling.k", "sampling.topP");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("prompt", "sampling.k");
    }

    @Test
    void unreadableValueGives400NamingItsField() throws Exception {
        HttpResponse<String> response = post("/generate", generateBody("/x", "\"many\"", "0.9", "4"));

        assertThat(response.statusCode()).isEqualTo(400);
        Map<String, String> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).containsOnlyKeys("sampling.k");
    }

    @Test
    void anInfiniteTemperatureIsA400ProblemNamingItNotA500() throws Exception {
        HttpResponse<String> response = post("/generate", generateBody("ckpt", "2", "0.9", "4")
                .replace("\"temperature\": 1.0", "\"temperature\": 1e999"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) JsonPath.read(response.body(), "$.detail"))
                .isEqualTo("SamplingSpec.temperature: must be a finite number >= 0, got Infinity");
    }

    @Test
    void missingCheckpointGives404AndBrokenOneGives422() throws Exception {
        Path broken = Files.createDirectories(store.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{\"vocab_size\": -1}");

        HttpResponse<String> missing = post("/generate", generateBody(store.resolve("absent").toString(), "2", "1", "4"));
        HttpResponse<String> malformed = post("/generate", generateBody(broken.toUri().toString(), "2", "1", "4"));
        HttpResponse<String> unsupported = post("/generate", generateBody("s3://bucket/ckpt", "2", "1", "4"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat((String) JsonPath.read(missing.body(), "$.detail")).contains("absent");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat((String) JsonPath.read(malformed.body(), "$.detail")).contains("broken", "cannot be loaded");
        assertThat(unsupported.statusCode()).isEqualTo(400);
    }

    @Test
    void aCheckpointOutsideTheStoreIsRefusedInWordsThatTellNothingAboutTheDisk() throws Exception {
        Path elsewhere = TinyCheckpoint.write(Files.createTempDirectory("outside-store").resolve("ckpt"), 3);

        HttpResponse<String> existing = post("/generate", generateBody(elsewhere.toUri().toString(), "2", "1", "4"));
        HttpResponse<String> absent = post("/generate", generateBody("/no/such/ckpt", "2", "1", "4"));
        HttpResponse<String> escaping = post("/generate", generateBody(store.resolve("../" + elsewhere.getParent()
                .getFileName() + "/ckpt").toString(), "2", "1", "4"));

        assertThat(List.of(existing, absent, escaping)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat((String) JsonPath.read(response.body(), "$.detail"))
                    .isEqualTo(JsonPath.read(existing.body(), "$.detail")).contains("checkpoint store")
                    .doesNotContain("outside-store", "no/such");
        });
    }

    @Test
    void pinningAnUnseenVersionGives404AndBadBodies400() throws Exception {
        HttpResponse<String> unseen = put("/pins/no-such-job", "{\"version\": 2}");
        HttpResponse<String> negative = put("/pins/no-such-job", "{\"version\": -1}");

        assertThat(unseen.statusCode()).isEqualTo(404);
        assertThat((String) JsonPath.read(unseen.body(), "$.detail")).contains("version 2 of job 'no-such-job'");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<Map<String, String>>read(negative.body(), "$.errors")).containsOnlyKeys("version");
        HttpResponse<String> unpinned = HTTP.send(request("/pins/no-such-job").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unpinned.statusCode()).isEqualTo(404);
        assertThat(unpinned.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) JsonPath.read(unpinned.body(), "$.detail")).contains("job no-such-job is not pinned");
    }

    @Test
    void withoutTheServiceKeyARouteIsA401ProblemWhileHealthAndPrometheusAnswer() throws Exception {
        HttpResponse<String> pins = HTTP.send(HttpRequest.newBuilder(uri("/pins")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> generate = HTTP.send(HttpRequest.newBuilder(uri("/generate"))
                .header("Content-Type", "application/json").header("X-Service-Key", "not-" + SERVICE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(generateBody(checkpoint.toString(), "2", "1", "3"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(pins.statusCode()).isEqualTo(401);
        assertThat(pins.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) JsonPath.read(pins.body(), "$.detail")).contains("no X-Service-Key header");
        assertThat(generate.statusCode()).isEqualTo(401);
        assertThat(get("/pins").statusCode()).isEqualTo(200);
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/prometheus")) {
            assertThat(HTTP.send(HttpRequest.newBuilder(uri(probe)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as(probe).isNotEqualTo(401);
        }
    }

    @Test
    void healthMetricsAndPrometheusAreExposed() throws Exception {
        post("/generate", generateBody(checkpoint.toString(), "2", "1", "3"));

        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/actuator/metrics/sppo.generator.requests?tag=source:rest").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body())
                .contains("sppo_generator_tokens_total", "sppo_generator_checkpoint_loads_total",
                        "sppo_generator_checkpoints_cached");
    }

    private static String generateBody(String uri, String k, String topP, String maxNewTokens) {
        return """
                {"checkpointUri": "%s", "prompt": "12+30=",
                 "sampling": {"k": %s, "temperature": 1.0, "topP": %s, "topK": 0, "maxNewTokens": %s, "seed": 5}}"""
                .formatted(uri, k, topP, maxNewTokens);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String json) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with the service key, as the gateway sends it. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-Service-Key", SERVICE_KEY);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
