package dev.sppo.gateway.ops;

import java.util.List;

/**
 * One service as the ops overview shows it.
 *
 * @param name the service (the gateway route id)
 * @param status the actuator health status ({@code UP}, {@code DOWN}, ...), or {@code UNREACHABLE}
 * @param detail why the service is not UP, or null
 * @param meters the running totals of its configured meters
 * @param lag its Kafka consumer lag per group and topic, as its binder last measured it
 */
public record ServiceOverview(String name, String status, String detail, List<MeterTotal> meters,
        List<ConsumerLag> lag) {

    /** The status of a service that did not answer. */
    public static final String UNREACHABLE = "UNREACHABLE";

    public ServiceOverview {
        meters = List.copyOf(meters);
        lag = List.copyOf(lag);
    }

    static ServiceOverview unreachable(String name, String detail) {
        return new ServiceOverview(name, UNREACHABLE, detail, List.of(), List.of());
    }

    /**
     * A meter's running total: a counter's count or a timer's number of events; null when the service has not
     * registered it yet.
     */
    public record MeterTotal(String name, String label, Double total) {}

    /** Records a consumer group has not yet read from a topic. */
    public record ConsumerLag(String group, String topic, double lag) {}
}
