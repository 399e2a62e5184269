package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

class DownstreamUnavailableTest extends RunningGatewayTest {

    @DynamicPropertySource
    static void deadDownstreams(DynamicPropertyRegistry registry) {
        routeTo(registry, StubService::nobodyListening, StubService::nobodyListening, StubService::nobodyListening);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET,  /api/jobs,        trainer-service",
        "POST, /api/generate,    generator-service",
        "POST, /api/preferences, preference-service",
    })
    void unreachableServiceIsA503ProblemNamingIt(String method, String path, String service) {
        HttpResponse<String> response = gateway.send(method, path, method.equals("POST") ? "{}" : null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://sppo.dev/problems/service-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).startsWith(service + " did not answer");
        assertThat(response.body()).doesNotContain("\tat ");
    }
}
