package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the "observability" profile of docker-compose.yml (Docker does not run here): Prometheus scrapes
 * every service's /actuator/prometheus at its Compose name and port, every service exposes that endpoint, and
 * Grafana's provisioned dashboard parses and queries only series the services register.
 */
class ObservabilityConfigTest {

    private static final Path DOCKER = ComposeFile.ROOT.resolve("docker");
    private static final String METRICS_PATH = "/actuator/prometheus";

    private final ComposeFile compose = ComposeFile.load();
    private final Map<String, Object> prometheus = YamlFile.load(DOCKER.resolve("prometheus/prometheus.yml")).root();

    @Test
    void prometheusScrapesEveryServicesActuatorAtItsComposeNameAndServerPort() {
        Map<String, Map<String, Object>> jobs = scrapeJobs();

        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(ServiceMeters.MODULES);
        for (String service : ServiceMeters.MODULES) {
            Map<String, Object> job = jobs.get(service);
            assertThat(job.get("metrics_path")).as(service).isEqualTo(METRICS_PATH);
            String target = service + ":" + compose.env(service).get("SERVER_PORT");
            assertThat(job.get("static_configs")).as(service).isEqualTo(List.of(Map.of("targets", List.of(target))));
        }
    }

    @Test
    void gatewayScrapeSendsTheDefaultKeyOfTheComposeGatewaysMetricsUser() {
        Map<String, String> gateway = compose.env("gateway");
        String keys = gateway.get("SPPO_GATEWAY_USERS_0_KEYS");

        Map<String, Object> header = ComposeFile.map(ComposeFile.map(scrapeJobs().get("gateway"), "http_headers"),
                "X-API-Key");

        assertThat(gateway.get("SPPO_GATEWAY_USERS_0_ROLE")).isEqualTo("metrics");
        assertThat(header.get("secrets")).asInstanceOf(LIST).singleElement()
                .satisfies(key -> assertThat(keys).isEqualTo("${SPPO_METRICS_KEY:-" + key + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "generator-service", "preference-service", "trainer-service"})
    void everyServiceExposesThePrometheusEndpoint(String service) throws IOException {
        Path module = ComposeFile.ROOT.resolve(service);
        Object exposure = YamlFile.load(module.resolve("src/main/resources/" + service + ".yml"))
                .get("management.endpoints.web.exposure.include");

        assertThat(String.valueOf(exposure).split(",")).as("exposed by " + service).contains("prometheus");
        assertThat(Files.readString(module.resolve("pom.xml")))
                .contains("<artifactId>micrometer-registry-prometheus</artifactId>");
    }

    @Test
    void prometheusAndGrafanaMountTheRepositoryFilesTheyAreConfiguredWith() {
        Map<String, Object> service = compose.service("prometheus");
        assertThat(String.valueOf(service.get("command"))).contains("--config.file=/etc/prometheus/prometheus.yml")
                .doesNotContain("--web.listen-address");
        assertThat(mounts("prometheus")).containsEntry("/etc/prometheus/prometheus.yml",
                "./docker/prometheus/prometheus.yml");

        Map<String, String> grafana = mounts("grafana");
        assertThat(grafana).containsEntry("/etc/grafana/provisioning", "./docker/grafana/provisioning");
        String provider = String.valueOf(YamlFile.load(DOCKER.resolve("grafana/provisioning/dashboards/sppo.yml"))
                .get("providers[0].options.path"));
        assertThat(grafana).containsEntry(provider, "./docker/grafana/dashboards");
        grafana.values().stream().filter(source -> source.startsWith("./"))
                .forEach(source -> assertThat(ComposeFile.ROOT.resolve(source)).exists());
        assertThat(compose.env("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo(provider + "/sppo-platform.json");
    }

    @Test
    void grafanaDataSourceIsTheComposePrometheus() {
        YamlFile datasources = YamlFile.load(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"));

        assertThat(datasources.get("datasources[0].type")).isEqualTo("prometheus");
        assertThat(datasources.get("datasources[0].url")).isEqualTo("http://prometheus:9090");
        assertThat(compose.services()).containsKey("prometheus");
        for (JsonNode panel : dashboard().get("panels")) {
            assertThat(panel.at("/datasource/uid").asString()).as(panel.get("title").asString())
                    .isEqualTo(datasources.get("datasources[0].uid"));
        }
    }

    @Test
    void dashboardQueriesOnlySeriesTheServicesRegister() {
        Set<String> registered = ServiceMeters.series();
        assertThat(registered).as("found in the services' code").contains("sppo_trainer_iteration",
                "sppo_trainer_win_rate_vs_base", "sppo_generator_tokens_total", "sppo_preference_pairs_total",
                "sppo_trainer_train_step_seconds_count", "spring_cloud_stream_binder_kafka_offset");

        Set<String> queried = queriedSeries();

        assertThat(queried).isSubsetOf(registered);
        assertThat(queried).as("a panel each for iteration, win rate, tokens, pairs, step time and Kafka lag")
                .contains("sppo_trainer_iteration", "sppo_trainer_win_rate_vs_base", "sppo_generator_tokens_total",
                        "sppo_preference_pairs_total", "sppo_trainer_train_step_seconds_sum",
                        "spring_cloud_stream_binder_kafka_offset", "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void metricNamesAreReadFromPromqlWithoutFunctionsLabelsOrRanges() {
        assertThat(ServiceMeters.metricsIn("sum by (group, topic) (rate(a_total{job=\"x\"}[$__rate_interval])) "
                + "/ ignoring (le) b_seconds_count > bool 0.5")).containsExactly("a_total", "b_seconds_count");
    }

    private Set<String> queriedSeries() {
        Set<String> series = new TreeSet<>();
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                series.addAll(ServiceMeters.metricsIn(target.get("expr").asString()));
            }
        }
        return series;
    }

    private static JsonNode dashboard() {
        try {
            JsonNode dashboard = new JsonMapper().readTree(
                    Files.readString(DOCKER.resolve("grafana/dashboards/sppo-platform.json")));
            assertThat(dashboard.get("panels").isArray()).isTrue();
            return dashboard;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> scrapeJobs() {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Object job : (List<Object>) prometheus.get("scrape_configs")) {
            Map<String, Object> config = ComposeFile.map(job);
            jobs.put(String.valueOf(config.get("job_name")), config);
        }
        return jobs;
    }

    /** The service's bind mounts: container path to host path. */
    @SuppressWarnings("unchecked")
    private Map<String, String> mounts(String service) {
        Map<String, String> mounts = new HashMap<>();
        for (Object volume : (List<Object>) compose.service(service).get("volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }
}
