package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks docker-compose.yml (Docker does not run here) against the agreements it has to keep: the
 * gateway's gateway.yml (its port and downstream URLs), the service modules' <service>.yml files,
 * and the Kafka and Postgres settings inside the file itself. {@link ObservabilityConfigTest} checks the
 * Prometheus and Grafana of the "observability" profile.
 */
class DockerComposeTest {

    private static final Path ROOT = ComposeFile.ROOT;
    private static final Set<String> SPRING_SERVICES =
            Set.of("gateway", "trainer-service", "generator-service", "preference-service");
    private static final Set<String> BACKEND_SERVICES =
            Set.of("trainer-service", "generator-service", "preference-service");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");
    /** The gateway's users, bound from the environment by Spring itself (sppo.gateway.users[i]). */
    private static final Pattern USER_VARIABLE = Pattern.compile("SPPO_GATEWAY_USERS_[0-9]+_(NAME|KEYS|ROLE)");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void servicesAreTheFourModulesPlusKafkaAndPostgresAndTheObservabilityProfileAddsPrometheusAndGrafana() {
        assertThat(compose.defaultServices()).containsExactlyInAnyOrder(
                "gateway", "trainer-service", "generator-service", "preference-service", "kafka", "postgres");
        Set<String> optional = services().keySet().stream().filter(name -> !compose.defaultServices().contains(name))
                .collect(Collectors.toSet());
        assertThat(optional).containsExactlyInAnyOrder("prometheus", "grafana");
        optional.forEach(name -> assertThat(compose.profiles(name)).as(name).containsExactly("observability"));
        assertThat(ROOT.resolve("Dockerfile")).isRegularFile();
        for (String name : SPRING_SERVICES) {
            assertThat(ROOT.resolve(name).resolve("pom.xml")).as("module of " + name).isRegularFile();
            assertThat(map(service(name), "build")).as(name + " build")
                    .containsEntry("context", ".").containsEntry("args", Map.of("SERVICE", name));
        }
    }

    @Test
    void byDefaultOnlyTheGatewayPublishesAPortAndItIsTheGatewayServerPort() {
        int port = GatewayRoutes.defaultServerPort();

        assertThat(services().keySet().stream().filter(name -> service(name).containsKey("ports")))
                .containsExactlyInAnyOrder("gateway", "grafana");
        assertThat(service("gateway").get("ports")).isEqualTo(List.of(port + ":" + port));
        assertThat(env("gateway")).containsEntry("SERVER_PORT", String.valueOf(port));
        assertThat(compose.profiles("grafana")).as("grafana publishes its port only with its profile").isNotEmpty();
        assertThat(service("grafana").get("ports")).isEqualTo(List.of("3000:3000"));
    }

    @Test
    void theGatewayAndTheBackendsShareOneServiceKeyFromTheEnvironmentWithAUsableDefault() {
        String key = env("gateway").get("SPPO_SERVICE_KEY");

        assertThat(key).startsWith("${SPPO_SERVICE_KEY:-").endsWith("}");
        String fallback = key.substring("${SPPO_SERVICE_KEY:-".length(), key.length() - 1);
        assertThat(fallback).as("the default must pass the services' own check")
                .matches("[A-Za-z0-9._~+/=-]{16,}");
        for (String name : BACKEND_SERVICES) {
            assertThat(env(name)).as(name).containsEntry("SPPO_SERVICE_KEY", key).doesNotContainKey("SPPO_SERVICE_AUTH");
        }
    }

    @Test
    void gatewayReachesEachServiceByItsComposeNameAtItsServerPort() {
        List<GatewayRoutes.Route> routes = GatewayRoutes.load();

        assertThat(routes).extracting(GatewayRoutes.Route::id).containsExactlyInAnyOrderElementsOf(BACKEND_SERVICES);
        for (GatewayRoutes.Route route : routes) {
            URI url = URI.create(env("gateway").get(route.urlVariable()));
            String serverPort = env(route.id()).get("SERVER_PORT");
            assertThat(url.getHost()).as(route.urlVariable()).isEqualTo(route.id());
            assertThat(String.valueOf(url.getPort())).as(route.urlVariable()).isEqualTo(serverPort);
            assertThat(String.valueOf(route.defaultUrl().getPort()))
                    .as("default of %s in %s", route.urlVariable(), GatewayRoutes.CONFIG).isEqualTo(serverPort);
        }
    }

    @Test
    void gatewayReadsEveryVariableComposeSetsForIt() throws IOException {
        Set<String> named = env("gateway").keySet().stream().filter(v -> !USER_VARIABLE.matcher(v).matches())
                .collect(Collectors.toSet());

        assertThat(variablesReadBy(GatewayRoutes.CONFIG)).containsAll(named);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trainer-service", "generator-service", "preference-service"})
    void serviceModuleDefaultsToItsComposePortAndReadsEveryVariableComposeSets(String name) throws IOException {
        Path config = ROOT.resolve(name).resolve("src/main/resources/" + name + ".yml");
        assertThat(config).as("each service reads <service>.yml").isRegularFile();

        Object port = YamlFile.load(config).get("server.port");
        assertThat(port).as("server.port in " + config).isNotNull();
        assertThat(YamlFile.defaultValue(port)).as("server.port in " + config)
                .isEqualTo(env(name).get("SERVER_PORT"));
        Set<String> others = env(name).keySet().stream().filter(v -> !v.equals("SERVER_PORT"))
                .collect(Collectors.toSet());
        assertThat(variablesReadBy(config)).as("variables read by " + config).containsAll(others);
    }

    @Test
    void everyServiceHasAHealthcheckOfItsKind() {
        for (String name : services().keySet()) {
            assertThat(map(service(name), "healthcheck").get("test")).as(name + " healthcheck").isNotNull();
        }
        for (String name : SPRING_SERVICES) {
            assertThat(healthcheck(name)).contains("/actuator/health", "$${SERVER_PORT}");
        }
        assertThat(healthcheck("kafka")).contains("kafka-broker-api-versions.sh");
        assertThat(healthcheck("postgres")).contains("pg_isready");
        assertThat(healthcheck("prometheus")).contains("http://localhost:9090/-/healthy");
        assertThat(healthcheck("grafana")).contains("http://localhost:3000/api/health");
    }

    @Test
    void kafkaBootstrapIsTheBrokersAdvertisedInternalListener() {
        String advertised = env("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(advertised).startsWith("PLAINTEXT://").doesNotContain(",");
        String bootstrap = advertised.substring("PLAINTEXT://".length());

        assertThat(bootstrap).startsWith("kafka:");
        for (String name : BACKEND_SERVICES) {
            assertThat(env(name)).as(name).containsEntry("KAFKA_BOOTSTRAP", bootstrap);
        }
    }

    @Test
    void servicesOnKafkaDeclareTheirTopicsWithOnePartitionCountTheBrokersDefault() {
        String partitions = env("kafka").get("KAFKA_NUM_PARTITIONS");

        for (String name : BACKEND_SERVICES) {
            assertThat(env(name)).as(name).containsEntry("SPPO_TOPIC_PARTITIONS", partitions);
        }
    }

    @Test
    void jdbcSettingsPointAtTheComposePostgres() {
        Map<String, String> postgres = env("postgres");
        String url = "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB");

        assertThat(env("trainer-service")).containsKey("JDBC_URL");
        services().keySet().stream().filter(name -> env(name).containsKey("JDBC_URL")).forEach(name ->
                assertThat(env(name)).as(name)
                        .containsEntry("JDBC_URL", url)
                        .containsEntry("JDBC_USER", postgres.get("POSTGRES_USER"))
                        .containsEntry("JDBC_PASSWORD", postgres.get("POSTGRES_PASSWORD")));
    }

    @Test
    void servicesWaitForHealthyDependencies() {
        for (String name : services().keySet()) {
            Map<String, Object> dependsOn = service(name).containsKey("depends_on")
                    ? map(service(name), "depends_on") : Map.of();
            dependsOn.forEach((dependency, condition) -> assertThat(condition).as(name + " -> " + dependency)
                    .isEqualTo(Map.of("condition", "service_healthy")));
            if (env(name).containsKey("KAFKA_BOOTSTRAP")) {
                assertThat(dependsOn).as(name).containsKey("kafka");
            }
            if (env(name).containsKey("JDBC_URL")) {
                assertThat(dependsOn).as(name).containsKey("postgres");
            }
        }
        assertThat(map(service("gateway"), "depends_on")).containsOnlyKeys(BACKEND_SERVICES);
    }

    @Test
    void checkpointVolumeIsSharedByEveryServiceThatReadsAFileUri() {
        assertThat(map(compose.root(), "volumes")).containsKey("checkpoints");
        String dir = env("trainer-service").get("SPPO_CHECKPOINT_DIR");
        assertThat(dir).isEqualTo("/var/lib/sppo/checkpoints");
        for (String name : List.of("trainer-service", "generator-service", "preference-service")) {
            // the trainer writes there; generators read the policies' file: URIs it publishes and the
            // preference-service the learned preference models', so they mount it at the same path
            assertThat(service(name).get("volumes")).as(name).isEqualTo(List.of("checkpoints:" + dir));
            // and each confines the paths given over REST to it, so each is told where it is
            assertThat(env(name)).as(name).containsEntry("SPPO_CHECKPOINT_DIR", dir);
        }
    }

    @Test
    void theBrokersLogDirectoryIsOnAVolume() {
        String logDirs = env("kafka").get("KAFKA_LOG_DIRS");

        assertThat(map(compose.root(), "volumes")).containsKey("kafkadata");
        assertThat(service("kafka").get("volumes")).isEqualTo(List.of("kafkadata:" + logDirs));
    }

    private static Set<String> variablesReadBy(Path config) throws IOException {
        Matcher m = VARIABLE.matcher(Files.readString(config));
        Set<String> variables = new java.util.HashSet<>(Set.of("SERVER_PORT"));
        while (m.find()) {
            variables.add(m.group(1));
        }
        return variables;
    }

    private String healthcheck(String name) {
        return String.valueOf(map(service(name), "healthcheck").get("test"));
    }

    private Map<String, Object> services() {
        return compose.services();
    }

    private Map<String, Object> service(String name) {
        return compose.service(name);
    }

    private Map<String, String> env(String name) {
        return compose.env(name);
    }

    private static Map<String, Object> map(Object parent, String key) {
        return ComposeFile.map(parent, key);
    }
}
