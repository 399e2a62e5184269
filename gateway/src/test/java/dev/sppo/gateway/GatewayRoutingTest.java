package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

class GatewayRoutingTest extends RunningGatewayTest {

    private static final StubService TRAINER = StubService.start("trainer-service");
    private static final StubService GENERATOR = StubService.start("generator-service");
    private static final StubService PREFERENCE = StubService.start("preference-service");

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        routeTo(registry, TRAINER::url, GENERATOR::url, PREFERENCE::url);
    }

    @AfterAll
    static void stopStubs() {
        TRAINER.close();
        GENERATOR.close();
        PREFERENCE.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
        "POST, /api/jobs,                     trainer-service,    /jobs",
        "GET,  /api/jobs,                     trainer-service,    /jobs",
        "GET,  /api/jobs/job-7,               trainer-service,    /jobs/job-7",
        "POST, /api/jobs/job-7/cancel,        trainer-service,    /jobs/job-7/cancel",
        "GET,  /api/jobs/job-7/samples/2,     trainer-service,    /jobs/job-7/samples/2",
        "GET,  /api/checkpoints/ckpt-3,       trainer-service,    /checkpoints/ckpt-3",
        "GET,  /api/checkpoints/ckpt-3/archive, trainer-service,  /checkpoints/ckpt-3/archive",
        "POST, /api/datasets,                 trainer-service,    /datasets",
        "GET,  /api/datasets/ds-1,            trainer-service,    /datasets/ds-1",
        "POST, /api/models,                   trainer-service,    /models",
        "GET,  /api/models/m-1,               trainer-service,    /models/m-1",
        "POST, /api/generate,                 generator-service,  /generate",
        "POST, /api/preferences,              preference-service, /preferences",
    })
    void eachRouteReachesItsServiceWithoutTheApiPrefix(
            String method, String path, String service, String downstreamPath) {
        HttpResponse<String> response = gateway.send(method, path, method.equals("POST") ? "{\"n\":1}" : null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = GatewayClient.json(response);
        assertThat(echo.get("service").asString()).isEqualTo(service);
        assertThat(echo.get("method").asString()).isEqualTo(method);
        assertThat(echo.get("path").asString()).isEqualTo(downstreamPath);
    }

    @Test
    void bodyAndQueryArePassedOnAndTheApiKeyIsReplacedByTheServiceKey() {
        HttpResponse<String> response = gateway.send("POST", "/api/jobs?dry_run=true", "{\"name\":\"a\"}");

        JsonNode echo = GatewayClient.json(response);
        assertThat(echo.get("body").asString()).isEqualTo("{\"name\":\"a\"}");
        assertThat(echo.get("query").asString()).isEqualTo("dry_run=true");
        assertThat(echo.get("apiKey").isNull()).isTrue();
        assertThat(echo.get("serviceKey").asString()).isEqualTo(GatewayClient.SERVICE_KEY);
    }

    @ParameterizedTest
    @CsvSource({"/api/jobs, trainer-service", "/api/generate, generator-service",
            "/api/preferences, preference-service"})
    void aServiceKeyTheClientSendsIsOverwrittenByTheGatewaysOwn(String path, String service) {
        JsonNode echo = GatewayClient.json(gateway.get(path, "X-Service-Key", "forged-by-the-client"));

        assertThat(echo.get("service").asString()).isEqualTo(service);
        assertThat(echo.get("serviceKey").asString()).isEqualTo(GatewayClient.SERVICE_KEY);
    }

    @Test
    void anUploadStreamsThroughToTheTrainerWholeWithItsContentTypeAndQuery() {
        byte[] file = new byte[24 << 20];
        new Random(7).nextBytes(file);

        HttpResponse<String> response = gateway.upload("/api/models?name=big", "application/x-tar", file);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = GatewayClient.json(response);
        assertThat(echo.get("path").asString()).isEqualTo("/models");
        assertThat(echo.get("query").asString()).isEqualTo("name=big");
        assertThat(echo.get("contentType").asString()).startsWith("application/x-tar");
        assertThat(echo.get("bodyBytes").asLong()).isEqualTo(file.length);
        assertThat(echo.get("bodySha256").asString()).isEqualTo(StubService.sha256(file));
    }

    @Test
    void downstreamErrorsPassThroughUnchanged() {
        HttpResponse<String> response = gateway.send("GET", "/api/jobs/missing", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(GatewayClient.json(response).get("detail").asString())
                .isEqualTo("trainer-service has no /jobs/missing");
    }

    @Test
    void unknownApiPathIsA404Problem() {
        HttpResponse<String> response = gateway.send("GET", "/api/jobs/job-7/iterations/2", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://sppo.dev/problems/no-route");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains("GET /api/jobs/job-7/iterations/2");
    }
}
