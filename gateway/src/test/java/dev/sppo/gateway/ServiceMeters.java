package dev.sppo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series the services export, as the tests derive them from the services' code: every
 * Micrometer meter a service registers by name ({@code Counter.builder("a.b")}, {@code registry.counter("a.b",
 * ...)}, ...), named as the Prometheus registry writes it (dots become underscores; counters end in
 * {@code _total}; timers in seconds give {@code _seconds_count}, {@code _seconds_sum} and {@code _seconds_max}),
 * plus the Kafka meters of every service built on the Spring Cloud Stream Kafka binder.
 */
final class ServiceMeters {

    static final List<String> MODULES = List.of("gateway", "generator-service", "preference-service",
            "trainer-service");

    /**
     * Registered by the Kafka binder of each service that has one: {@code KafkaBinderMetrics} (the gauge
     * {@code spring.cloud.stream.binder.kafka.offset}: unconsumed records per group and topic) and the
     * {@code MicrometerConsumerListener} it adds to its consumer factories (Micrometer's Kafka client metrics).
     */
    static final Set<String> KAFKA_BINDER_SERIES = Set.of("spring_cloud_stream_binder_kafka_offset",
            "kafka_consumer_fetch_manager_records_lag_max");

    private static final String KAFKA_BINDER = "<artifactId>spring-cloud-starter-stream-kafka</artifactId>";
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|Gauge|Timer)\\.builder\\(\\s*\"([a-z0-9.]+)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
    private static final Pattern SHORTHAND = Pattern.compile("\\.(counter|gauge|timer)\\(\\s*\"([a-z0-9.]+)\"");

    private ServiceMeters() {}

    /** Every series name any of the four services exports from its own meters or its Kafka binder. */
    static Set<String> series() {
        Set<String> series = new TreeSet<>();
        for (String module : MODULES) {
            series.addAll(series(module));
        }
        return series;
    }

    static Set<String> series(String module) {
        Set<String> series = new TreeSet<>();
        Path moduleDir = ComposeFile.ROOT.resolve(module);
        try (Stream<Path> files = Files.walk(moduleDir.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                add(series, BUILDER.matcher(code));
                add(series, SHORTHAND.matcher(code));
            }
            if (Files.readString(moduleDir.resolve("pom.xml")).contains(KAFKA_BINDER)) {
                series.addAll(KAFKA_BINDER_SERIES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return series;
    }

    private static void add(Set<String> series, Matcher m) {
        while (m.find()) {
            String base = m.group(2).replace('.', '_');
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "counter" -> series.add(base + "_total");
                case "timer" -> series.addAll(List.of(base + "_seconds_count", base + "_seconds_sum",
                        base + "_seconds_max"));
                default -> series.add(base);
            }
        }
    }

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords or labels. */
    static Set<String> metricsIn(String promql) {
        String bare = promql.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Matcher m = IDENTIFIER.matcher(bare);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
