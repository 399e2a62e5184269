package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Requests that Tomcat refuses before any route sees them (found by sppo-launcher's RestFuzzTest). */
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
}
