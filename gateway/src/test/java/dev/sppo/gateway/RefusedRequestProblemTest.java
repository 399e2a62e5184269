package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import dev.sppo.gateway.problem.ProblemErrorController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Requests refused before any route sees them (found by the fuzz suite, dev.sppo.fuzz). */
class RefusedRequestProblemTest extends RunningGatewayTest {

    @DynamicPropertySource
    static void deadDownstreams(DynamicPropertyRegistry registry) {
        routeTo(registry, StubService::nobodyListening, StubService::nobodyListening, StubService::nobodyListening);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/preference-models/%2e%2e%2f%2e%2e", "/api/jobs/a%2Fb", "/api/jobs/%2e%2e%2f"})
    void aPathTomcatRefusesIsA400JsonProblemNotAnHtmlPage(String path) {
        HttpResponse<String> response = gateway.send("GET", path, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asString()).contains("encoded '/'");
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/*; charset=UTF-8"})
    void aWildcardContentTypeIsA415JsonProblemNotA500(String contentType) {
        HttpResponse<String> response = gateway.upload("/api/jobs", contentType, "{}".getBytes());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://sppo.dev/problems/unsupported-media-type");
        assertThat(problem.get("detail").asString()).contains("wildcard");
    }

    @Test
    void aFormBodyTomcatCannotDecodeIsA400JsonProblemNotBootsErrorMap() {
        byte[] notUtf8 = {'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28, '&', (byte) 0xFF, '=', '1'};
        HttpResponse<String> response = gateway.upload("/api/datasets?name=x", "application/x-www-form-urlencoded",
                notUtf8);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isEqualTo(ProblemErrorController.REFUSED);
        assertThat(response.body()).doesNotContain("timestamp");
    }
}
