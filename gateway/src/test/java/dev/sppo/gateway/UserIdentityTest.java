package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The gateway names the user a key belongs to, and only that user, to the service it routes to. */
class UserIdentityTest extends RunningGatewayTest {

    private static final StubService TRAINER = StubService.start("trainer-service");
    private static final StubService GENERATOR = StubService.start("generator-service");

    @DynamicPropertySource
    static void config(DynamicPropertyRegistry registry) {
        routeTo(registry, TRAINER::url, GENERATOR::url, StubService::nobodyListening);
        registry.add("sppo.gateway.users[0].name", () -> "alice");
        // printf %s alice-secret | sha256sum
        registry.add("sppo.gateway.users[0].keys",
                () -> "sha256:0c848abb03307b06cf70cd4e29c157dc81af5e94ab3eb1d0c59a120269572376");
        registry.add("sppo.gateway.users[1].name", () -> "ops");
        registry.add("sppo.gateway.users[1].keys", () -> "ops-key-1, ops-key-2");
        registry.add("sppo.gateway.users[1].role", () -> "admin");
        registry.add("sppo.gateway.users[2].name", () -> "prometheus");
        registry.add("sppo.gateway.users[2].keys", () -> "scrape-key");
        registry.add("sppo.gateway.users[2].role", () -> "metrics");
    }

    @AfterAll
    static void stopStubs() {
        TRAINER.close();
        GENERATOR.close();
    }

    @Test
    void aNamedUsersHashedKeyIsSentOnAsTheUserAndRole() {
        JsonNode echo = GatewayClient.json(gateway.send("GET", "/api/jobs", null, "alice-secret"));

        assertThat(echo.get("user").asString()).isEqualTo("alice");
        assertThat(echo.get("role").asString()).isEqualTo("user");
        assertThat(echo.get("apiKey").isNull()).as("the API key stays at the gateway").isTrue();
    }

    @Test
    void everyKeyOfAnAdminNamesTheAdmin() {
        for (String key : new String[] {"ops-key-1", "ops-key-2"}) {
            JsonNode echo = GatewayClient.json(gateway.send("GET", "/api/jobs/j1", null, key));
            assertThat(echo.get("user").asString()).isEqualTo("ops");
            assertThat(echo.get("role").asString()).isEqualTo("admin");
        }
    }

    @Test
    void aFlatKeyIsAUserOfItsOwnNamedByItsDigest() {
        JsonNode echo = GatewayClient.json(gateway.send("GET", "/api/jobs", null, GatewayClient.KEY));

        // printf %s test-key | sha256sum: 62af8704764faf8e...
        assertThat(echo.get("user").asString()).isEqualTo("key-62af8704764f");
        assertThat(echo.get("role").asString()).isEqualTo("user");
    }

    @Test
    void aUserOrRoleTheClientSendsIsReplacedByTheKeys() {
        JsonNode asAdmin = GatewayClient.json(gateway.get("/api/jobs", "X-Sppo-Role", "admin"));
        JsonNode asOps = GatewayClient.json(gateway.get("/api/jobs", "x-sppo-user", "ops"));

        assertThat(asAdmin.get("role").asString()).isEqualTo("user");
        assertThat(asOps.get("user").asString()).isEqualTo("key-62af8704764f");
    }

    @Test
    void aMetricsKeyReadsTheGatewaysMetersAndNothingElse() {
        HttpResponse<String> meters = gateway.send("GET", "/actuator/prometheus", null, "scrape-key");
        HttpResponse<String> jobs = gateway.send("GET", "/api/jobs", null, "scrape-key");

        assertThat(meters.statusCode()).isEqualTo(200);
        assertThat(meters.body()).contains("jvm_memory_used_bytes");
        assertThat(jobs.statusCode()).isEqualTo(403);
        assertThat(GatewayClient.json(jobs).get("type").asString()).isEqualTo("https://sppo.dev/problems/metrics-only");
        assertThat(gateway.send("POST", "/actuator/prometheus", null, "scrape-key").statusCode()).isEqualTo(403);
        assertThat(gateway.send("GET", "/actuator/info", null, "scrape-key").statusCode()).isEqualTo(403);
    }

    @Test
    void theGeneratorsPinsAreForAdminsOnly() {
        HttpResponse<String> refused = gateway.send("GET", "/api/pins", null, "alice-secret");
        HttpResponse<String> refusedPin = gateway.send("PUT", "/api/pins/j1", "{\"version\": 1}", GatewayClient.KEY);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refusedPin.statusCode()).isEqualTo(403);
        JsonNode problem = GatewayClient.json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://sppo.dev/problems/admin-only");
        assertThat(problem.get("detail").asString()).contains("/api/pins");
        assertThat(GatewayClient.json(gateway.send("GET", "/api/pins", null, "ops-key-1")).get("service").asString())
                .isEqualTo("generator-service");
    }
}
