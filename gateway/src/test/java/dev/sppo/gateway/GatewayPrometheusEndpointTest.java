package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway exports its meters for Prometheus like the other services, behind the API key. */
class GatewayPrometheusEndpointTest extends RunningGatewayTest {

    @DynamicPropertySource
    static void config(DynamicPropertyRegistry registry) {
        routeTo(registry, () -> "http://localhost:1", () -> "http://localhost:1", () -> "http://localhost:1");
    }

    @Test
    void prometheusEndpointServesTheGatewaysMetersToAKeyHolder() {
        HttpResponse<String> response = gateway.send("GET", "/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void prometheusEndpointNeedsTheKey() {
        assertThat(gateway.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    }
}
