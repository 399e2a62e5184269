package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.gateway.StubService.Canned;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/ops/overview against actuator stand-ins: a trainer that is UP with a timer and a lag gauge, a
 * preference-service whose health says DOWN (with a 503) and a generator-service nobody listens for.
 */
class OpsOverviewTest extends RunningGatewayTest {

    private static final String LAG = "/actuator/metrics/spring.cloud.stream.binder.kafka.offset";

    private static final StubService TRAINER = StubService.start("trainer-service", Map.of(
            "/actuator/health", Canned.ok("{\"status\": \"UP\"}"),
            "/actuator/metrics/sppo.trainer.train.step", Canned.ok("""
                    {"name": "sppo.trainer.train.step", "measurements": [{"statistic": "COUNT", "value": 12.0},
                     {"statistic": "TOTAL_TIME", "value": 3.5}, {"statistic": "MAX", "value": 0.4}],
                     "availableTags": []}"""),
            LAG, Canned.ok("""
                    {"name": "spring.cloud.stream.binder.kafka.offset",
                     "measurements": [{"statistic": "VALUE", "value": 7.0}],
                     "availableTags": [{"tag": "group", "values": ["trainer"]},
                                       {"tag": "topic", "values": ["sppo.preferences", "sppo.other"]}]}"""),
            LAG + "?tag=group:trainer&tag=topic:sppo.preferences", Canned.ok("""
                    {"measurements": [{"statistic": "VALUE", "value": 7.0}], "availableTags": []}""")));
    private static final StubService PREFERENCE = StubService.start("preference-service", Map.of(
            "/actuator/health", new Canned(503, "{\"status\": \"DOWN\"}")));

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        routeTo(registry, TRAINER::url, StubService::nobodyListening, PREFERENCE::url);
    }

    @AfterAll
    static void stopStubs() {
        TRAINER.close();
        PREFERENCE.close();
    }

    @Test
    void gatewayComesFirstThenEveryRoutedServiceInRouteOrder() {
        JsonNode services = overview().get("services");

        assertThat(services).extracting(service -> service.get("name").asString())
                .containsExactly("gateway", "trainer-service", "generator-service", "preference-service");
        assertThat(services.get(0).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void serviceThatIsUpShowsItsMeterTotalsAndConsumerLagPerGroupAndTopic() {
        JsonNode trainer = service("trainer-service");

        assertThat(trainer.get("status").asString()).isEqualTo("UP");
        assertThat(trainer.get("detail").isNull()).isTrue();
        assertThat(trainer.get("meters")).hasSize(2).first().satisfies(meter -> {
            assertThat(meter.get("name").asString()).isEqualTo("sppo.trainer.train.step");
            assertThat(meter.get("label").asString()).isEqualTo("training steps");
            assertThat(meter.get("total").asDouble()).as("a timer's COUNT").isEqualTo(12.0);
        });
        assertThat(trainer.get("lag")).singleElement().satisfies(lag -> {
            assertThat(lag.get("group").asString()).isEqualTo("trainer");
            assertThat(lag.get("topic").asString()).as("the pair the gauge has").isEqualTo("sppo.preferences");
            assertThat(lag.get("lag").asDouble()).isEqualTo(7.0);
        });
    }

    @Test
    void healthBodyOfA503CountsAndAMeterNotRegisteredYetHasNoTotal() {
        JsonNode preference = service("preference-service");

        assertThat(preference.get("status").asString()).isEqualTo("DOWN");
        assertThat(preference.get("meters")).singleElement()
                .satisfies(meter -> assertThat(meter.get("total").isNull()).isTrue());
        assertThat(preference.get("lag")).isEmpty();
    }

    @Test
    void serviceNobodyListensForIsUnreachableWithTheReasonAndTheOverviewStillAnswers() {
        JsonNode generator = service("generator-service");

        assertThat(generator.get("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(generator.get("detail").asString()).startsWith("generator-service did not answer");
        assertThat(generator.get("meters")).isEmpty();
    }

    @Test
    void everyProbeSendsTheServiceKey() {
        overview();

        assertThat(TRAINER.serviceKeys()).isNotEmpty().containsOnly(GatewayClient.SERVICE_KEY);
        assertThat(PREFERENCE.serviceKeys()).isNotEmpty().containsOnly(GatewayClient.SERVICE_KEY);
    }

    @Test
    void overviewNeedsTheApiKey() {
        assertThat(gateway.send("GET", "/api/ops/overview", null, null).statusCode()).isEqualTo(401);
    }

    private JsonNode overview() {
        HttpResponse<String> response = gateway.send("GET", "/api/ops/overview", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GatewayClient.json(response);
    }

    private JsonNode service(String name) {
        for (JsonNode service : overview().get("services")) {
            if (service.get("name").asString().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("no " + name + " in the overview");
    }
}
