package dev.sppo.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Deployments agree with the services' own configuration: ports, the variables they read, the health groups
 * they turn on, the Services and Secrets they name, the database CloudNativePG makes and the measured memory.
 */
class ServiceAgreementTest {

    static final List<String> MODULES = List.of("gateway", "trainer-service", "generator-service", "preference-service");
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
    private static final Pattern MEASURED = Pattern.compile("^\\| ([a-z-]+?)(?:-\\d)? \\| (\\d+) MiB \\|", Pattern.MULTILINE);

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void eachServiceModuleRunsAsADeploymentOnItsOwnPortBehindAServiceOfItsName(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);

        assertThat(platform.ofKind("Deployment")).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(MODULES);
        for (String module : MODULES) {
            int port = ServiceConfig.of(module).defaultPort();
            Container container = RenderedPlatform.container(platform.deployment(module));
            assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .as(module).containsExactly(tuple("http", port));
            assertThat(platform.envValue(platform.deployment(module), "SERVER_PORT")).as(module).hasValue("" + port);
            Service service = platform.one("Service", module, Service.class);
            assertThat(service.getSpec().getSelector()).as(module)
                    .isEqualTo(platform.deployment(module).getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts().get(0).getPort()).as(module).isEqualTo(port);
            assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).as(module).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void everyVariableADeploymentSetsIsOneItsServiceReads(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        for (String module : MODULES) {
            assertThat(ServiceConfig.of(module).variables()).as("variables read by " + module + ".yml")
                    .containsAll(RenderedPlatform.env(platform.deployment(module)).keySet());
        }
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void probesAskTheLivenessAndReadinessGroupsThatEachServiceTurnsOn(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        for (String module : MODULES) {
            Container container = RenderedPlatform.container(platform.deployment(module));
            assertThat(ServiceConfig.of(module).probesEnabled()).as(module + ": management.endpoint.health.probes")
                    .isTrue();
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
                    container.getStartupProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(module).isEqualTo("http");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void serviceUrlsNameAServiceAndItsPortAndKafkaIsStrimzisBootstrap(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        for (String module : MODULES) {
            Deployment deployment = platform.deployment(module);
            for (EnvVar variable : RenderedPlatform.env(deployment).values()) {
                if (variable.getName().endsWith("_URL") && !variable.getName().equals("JDBC_URL")
                        && !variable.getValue().startsWith("s3:")) {
                    URI url = URI.create(variable.getValue());
                    Service target = platform.one("Service", url.getHost(), Service.class);
                    assertThat(url.getPort()).as(module + " " + variable.getName())
                            .isEqualTo(target.getSpec().getPorts().get(0).getPort())
                            .isEqualTo(ServiceConfig.of(url.getHost()).defaultPort());
                }
            }
            platform.envValue(deployment, "KAFKA_BOOTSTRAP").ifPresent(bootstrap ->
                    assertThat(bootstrap).as(module).isEqualTo(platform.kafkaBootstrap()));
        }
        assertThat(platform.envValue(platform.deployment("gateway"), "TRAINER_URL")).isPresent();
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void theTrainerReachesTheDatabaseCloudNativePgMakesWithTheCredentialsItWrites(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        var cluster = platform.all("Cluster", OperatorModels.Cluster.class).get(0);
        Deployment trainer = platform.deployment("trainer-service");
        Map<String, EnvVar> env = RenderedPlatform.env(trainer);

        assertThat(env.get("JDBC_URL").getValue()).isEqualTo("jdbc:postgresql://" + cluster.metadata().name()
                + "-rw:5432/" + cluster.spec().bootstrap().initdb().database());
        for (String variable : List.of("JDBC_USER", "JDBC_PASSWORD")) {
            SecretKeySelector ref = env.get(variable).getValueFrom().getSecretKeyRef();
            assertThat(ref.getName()).as(variable).isEqualTo(cluster.metadata().name() + "-app");
        }
        assertThat(env.get("JDBC_USER").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("username");
        assertThat(env.get("JDBC_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(trainer.getSpec().getReplicas()).isEqualTo(1);
        assertThat(trainer.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void everySecretAndConfigMapKeyADeploymentReadsExists(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        String databaseSecret = platform.all("Cluster", OperatorModels.Cluster.class).get(0).metadata().name() + "-app";
        for (String module : MODULES) {
            for (EnvVar variable : RenderedPlatform.env(platform.deployment(module)).values()) {
                if (variable.getValueFrom() == null || variable.getValueFrom().getFieldRef() != null) {
                    continue;
                }
                SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
                if (secret != null && secret.getName().equals(databaseSecret)) {
                    assertThat(CNPG_APP_SECRET_KEYS).as(variable.getName()).contains(secret.getKey());
                } else if (secret != null) {
                    Secret declared = platform.one("Secret", secret.getName(), Secret.class);
                    assertThat(declared.getStringData()).as(variable.getName()).containsKey(secret.getKey());
                } else {
                    assertThat(platform.envValue(platform.deployment(module), variable.getName()))
                            .as(module + " " + variable.getName()).isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void onlyTheTrainerMountsTheCheckpointVolumeAndTheReadersFetchFromItsStoreIntoABoundedCache(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        Deployment trainer = platform.deployment("trainer-service");
        Optional<String> bucket = platform.envValue(trainer, ServiceConfig.of("trainer-service")
                .variableOf("sppo.checkpoint-store.url"));
        String dir = platform.envValue(trainer, "SPPO_CHECKPOINT_DIR").orElseThrow();
        VolumeMount mount = RenderedPlatform.container(trainer).getVolumeMounts().get(0);
        assertThat(mount.getMountPath()).isEqualTo(dir);
        String claim = volume(trainer, mount.getName()).getPersistentVolumeClaim().getClaimName();
        assertThat(platform.one("PersistentVolumeClaim", claim, PersistentVolumeClaim.class).getSpec()
                .getAccessModes()).as("one writer, no reader: no ReadWriteMany").containsExactly("ReadWriteOnce");

        for (String reader : List.of("generator-service", "preference-service")) {
            ServiceConfig config = ServiceConfig.of(reader);
            Deployment deployment = platform.deployment(reader);
            assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes()).as(reader)
                    .allSatisfy(v -> assertThat(v.getPersistentVolumeClaim()).as(reader + " shares no volume")
                            .isNull());
            URI store = URI.create(platform.envValue(deployment, config.variableOf("sppo.checkpoint-store.url"))
                    .orElseThrow());
            if (bucket.isPresent()) {
                assertThat(store).as(reader + ": the trainer's bucket").isEqualTo(URI.create(bucket.get()));
                assertS3SettingsAgree(platform, trainer, deployment);
            } else {
                assertThat(store.getHost()).as(reader).isEqualTo("trainer-service");
            }
            String cacheDir = platform.envValue(deployment, config.variableOf("sppo.checkpoint-store.cache-dir"))
                    .orElseThrow();
            VolumeMount cache = RenderedPlatform.container(deployment).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals(cacheDir)).findFirst().orElseThrow();
            Quantity sizeLimit = volume(deployment, cache.getName()).getEmptyDir().getSizeLimit();
            DataSize cacheSize = DataSize.parse(platform.envValue(deployment,
                    config.variableOf("sppo.checkpoint-store.cache-size")).orElseThrow());
            assertThat(Quantity.getAmountInBytes(sizeLimit).longValue()).as(reader + " emptyDir sizeLimit")
                    .isGreaterThan(cacheSize.toBytes());
        }
    }

    /** A reader of the trainer's bucket talks to it as the trainer does: same endpoint, addressing and keys. */
    private static void assertS3SettingsAgree(RenderedPlatform platform, Deployment trainer, Deployment reader) {
        assertThat(platform.envValue(trainer, "SPPO_CHECKPOINT_STORE_URL")).hasValueSatisfying(url ->
                assertThat(URI.create(url).getScheme()).isEqualTo("s3"));
        Map<String, EnvVar> trainerEnv = RenderedPlatform.env(trainer);
        Map<String, EnvVar> readerEnv = RenderedPlatform.env(reader);
        for (String variable : List.of("SPPO_S3_ENDPOINT", "SPPO_S3_REGION", "SPPO_S3_PATH_STYLE",
                "SPPO_S3_ACCESS_KEY", "SPPO_S3_SECRET_KEY")) {
            assertThat(readerEnv.get(variable)).as(reader.getMetadata().getName() + " " + variable)
                    .isEqualTo(trainerEnv.get(variable));
        }
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void everyServiceReadsTheServiceKeyFromTheSameSecret(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        Set<List<String>> sources = new HashSet<>();
        for (String module : MODULES) {
            EnvVar key = RenderedPlatform.env(platform.deployment(module))
                    .get(ServiceConfig.of(module).variableOf("sppo.service.key"));
            assertThat(key).as(module + " sets its service key").isNotNull();
            SecretKeySelector secret = key.getValueFrom().getSecretKeyRef();
            assertThat(secret).as(module + ": the key comes from a Secret").isNotNull();
            sources.add(List.of(secret.getName(), secret.getKey()));
        }
        assertThat(sources).as("one key for all").hasSize(1);
    }

    private static Volume volume(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void memoryRequestsCoverThePeakMeasuredInThePerformanceReportAndLimitsAreSet(String environment)
            throws IOException {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        Map<String, Long> peakMiB = measuredPeakMiB();
        assertThat(peakMiB.keySet()).containsExactlyInAnyOrderElementsOf(MODULES);
        for (String module : MODULES) {
            var resources = RenderedPlatform.container(platform.deployment(module)).getResources();
            long request = Quantity.getAmountInBytes(resources.getRequests().get("memory")).longValue();
            long limit = Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValue();
            assertThat(request).as(module + " memory request").isGreaterThanOrEqualTo(peakMiB.get(module) << 20);
            assertThat(limit).as(module + " memory limit").isGreaterThanOrEqualTo(request);
            assertThat(resources.getRequests()).as(module).containsKey("cpu");
        }
    }

    /** Section 7 of docs/performance.md: peak RSS per service (the highest of a service's replicas). */
    private static Map<String, Long> measuredPeakMiB() throws IOException {
        String report = Files.readString(ServiceConfig.ROOT.resolve("docs/performance.md"));
        String section = report.substring(report.indexOf("## 7. Peak memory of each service"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, Long> peak = new HashMap<>();
        Matcher m = MEASURED.matcher(section);
        while (m.find()) {
            String module = m.group(1).equals("generator") ? "generator-service" : m.group(1);
            peak.merge(module, Long.parseLong(m.group(2)), Math::max);
        }
        return peak;
    }
}
