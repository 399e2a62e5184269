package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

class ApiKeyAuthenticationTest extends RunningGatewayTest {

    private static final StubService TRAINER = StubService.start("trainer-service");

    @DynamicPropertySource
    static void config(DynamicPropertyRegistry registry) {
        registry.add("TRAINER_URL", TRAINER::url);
        registry.add("SPPO_API_KEYS", () -> "first-key, second-key");
    }

    @AfterAll
    static void stopStub() {
        TRAINER.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"first-key", "second-key"})
    void everyConfiguredKeyIsAccepted(String key) {
        HttpResponse<String> response = gateway.send("GET", "/api/jobs", null, key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(response).get("service").asString()).isEqualTo("trainer-service");
    }

    @Test
    void missingKeyIsA401ProblemNamingTheHeader() {
        HttpResponse<String> response = gateway.send("GET", "/api/jobs", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-API-Key\"");
        assertProblem(response, "https://sppo.dev/problems/missing-api-key", "Missing API key", 401);
    }

    @Test
    void blankKeyCountsAsMissing() {
        assertThat(gateway.send("GET", "/api/jobs", null, " ").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongKeyIsA403ProblemNamingTheHeader() {
        HttpResponse<String> response = gateway.send("POST", "/api/generate", "{}", "first-key-but-longer");

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "https://sppo.dev/problems/invalid-api-key", "Invalid API key", 403);
    }

    @Test
    void unknownPathsNeedAKeyToo() {
        assertThat(gateway.send("GET", "/api/nothing-here", null, null).statusCode()).isEqualTo(401);
        assertThat(gateway.send("GET", "/actuator/info", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void healthIsOpenWithoutKey() {
        HttpResponse<String> response = gateway.send("GET", "/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(response).get("status").asString()).isEqualTo("UP");
        assertThat(gateway.send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void openApiDocumentIsServedAsYamlWithoutKey() throws IOException {
        HttpResponse<String> response = gateway.send("GET", "/api/openapi.yaml", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(response.body()).isEqualTo(Files.readString(Path.of("src/main/resources/openapi/sppo-api.yaml")));
    }

    private static void assertProblem(HttpResponse<String> response, String type, String title, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains("X-API-Key");
    }
}
