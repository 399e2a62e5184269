package dev.sppo.gateway.ops;

import dev.sppo.gateway.ops.ServiceOverview.ConsumerLag;
import dev.sppo.gateway.ops.ServiceOverview.MeterTotal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one service's Spring Boot actuator over HTTP: its health ({@code /actuator/health}, whose body says
 * DOWN even when it comes with a 503), the running totals of its configured meters
 * ({@code /actuator/metrics/{name}}) and the Kafka binder's consumer lag gauge
 * ({@value #LAG_METER}, one value per {@code group} and {@code topic} tag).
 */
final class ServiceProbe {

    /** The Spring Cloud Stream Kafka binder's gauge of records a group has not read from a topic. */
    static final String LAG_METER = "spring.cloud.stream.binder.kafka.offset";

    private static final String METRIC = "/actuator/metrics/{name}";
    private static final List<String> TOTAL_STATISTICS = List.of("COUNT", "VALUE");

    private final String name;
    private final RestClient actuator;
    private final List<OpsProperties.Meter> meters;

    /**
     * @param name the service's route id
     * @param actuator a client whose base URL is the service's
     * @param meters the meters whose totals to read
     */
    ServiceProbe(String name, RestClient actuator, List<OpsProperties.Meter> meters) {
        this.name = name;
        this.actuator = actuator;
        this.meters = List.copyOf(meters);
    }

    /** The service now; a service that does not answer, or answers garbage, is UNREACHABLE with the reason. */
    ServiceOverview read() {
        try {
            JsonNode health = get("/actuator/health");
            String status = health == null ? "UNKNOWN" : health.path("status").asString("UNKNOWN");
            List<MeterTotal> totals = meters.stream()
                    .map(meter -> new MeterTotal(meter.name(), meter.label(), total(get(METRIC, meter.name()))))
                    .toList();
            return new ServiceOverview(name, status, null, totals, lag());
        } catch (ResourceAccessException e) {
            return ServiceOverview.unreachable(name, name + " did not answer: " + reason(e));
        } catch (RestClientException e) {
            return ServiceOverview.unreachable(name, name + " answered something other than actuator JSON: "
                    + reason(e));
        }
    }

    private List<ConsumerLag> lag() {
        JsonNode all = get(METRIC, LAG_METER);
        if (all == null) {
            return List.of();
        }
        List<ConsumerLag> lag = new ArrayList<>();
        for (String group : tagValues(all, "group")) {
            for (String topic : tagValues(all, "topic")) {
                JsonNode one = get(METRIC + "?tag={group}&tag={topic}", LAG_METER, "group:" + group, "topic:" + topic);
                Double records = one == null ? null : total(one);
                if (records != null) {
                    lag.add(new ConsumerLag(group, topic, records));
                }
            }
        }
        return lag;
    }

    /** The answer's JSON body whatever its status, or null for a 404 (a meter not registered yet). */
    private JsonNode get(String path, Object... variables) {
        return actuator.get().uri(path, variables).exchange((request, response) ->
                response.getStatusCode().value() == 404 ? null : response.bodyTo(JsonNode.class));
    }

    /** A counter's or timer's COUNT, or a gauge's VALUE; null when the meter is unknown. */
    private static Double total(JsonNode metric) {
        if (metric == null) {
            return null;
        }
        for (String statistic : TOTAL_STATISTICS) {
            for (JsonNode measurement : metric.path("measurements")) {
                if (statistic.equals(measurement.path("statistic").asString(""))) {
                    return measurement.path("value").asDouble();
                }
            }
        }
        return null;
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        List<String> values = new ArrayList<>();
        for (JsonNode available : metric.path("availableTags")) {
            if (tag.equals(available.path("tag").asString(""))) {
                available.path("values").forEach(value -> values.add(value.asString("")));
            }
        }
        return values;
    }

    private static String reason(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
