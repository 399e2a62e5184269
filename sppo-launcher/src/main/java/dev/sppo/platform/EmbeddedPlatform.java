package dev.sppo.platform;

import dev.sppo.gateway.GatewayApplication;
import dev.sppo.generator.GeneratorServiceApplication;
import dev.sppo.preferences.PreferenceServiceApplication;
import dev.sppo.trainer.TrainerServiceApplication;

import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The four services in one JVM, each in its own Spring context, wired to one Kafka broker and one
 * PostgreSQL: generator-service replicas (one consumer group), preference-service, trainer-service and the
 * gateway in front of them. Used by {@code ./sppo demo} and by the platform's integration tests.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final int MIN_PARTITIONS = 2;

    private final PlatformSettings settings;
    private final List<ConfigurableApplicationContext> generators = new ArrayList<>();
    private ConfigurableApplicationContext preference;
    private ConfigurableApplicationContext trainer;
    private ConfigurableApplicationContext gateway;

    private EmbeddedPlatform(PlatformSettings settings) {
        this.settings = settings;
    }

    public static EmbeddedPlatform start(PlatformSettings settings) {
        EmbeddedPlatform platform = new EmbeddedPlatform(settings);
        try {
            platform.startServices();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void startServices() {
        for (int i = 0; i < settings.services().generatorReplicas(); i++) {
            int port = i == 0 ? settings.services().generatorPort() : 0;
            generators.add(ServiceContexts.start(GeneratorServiceApplication.class, "generator-service", false, false,
                    withKafka("--server.port=" + port, "--sppo.generator.instance-id=generator-" + (i + 1),
                            "--sppo.generator.checkpoint-root=" + settings.checkpointDir())));
        }
        preference = ServiceContexts.start(PreferenceServiceApplication.class, "preference-service", false, false,
                withKafka("--server.port=" + settings.services().preferencePort()));
        startTrainer();
        gateway = ServiceContexts.start(GatewayApplication.class, "gateway", false, true, List.of(
                "--server.port=" + settings.services().gatewayPort(),
                "--TRAINER_URL=http://localhost:" + ServiceContexts.port(trainer),
                "--GENERATOR_URL=http://localhost:" + ServiceContexts.port(generators.get(0)),
                "--PREFERENCE_URL=http://localhost:" + ServiceContexts.port(preference),
                "--sppo.gateway.api-keys=" + settings.services().apiKey()));
    }

    /**
     * Starts trainer-service (again, after {@link #stopTrainer()}): it resumes its jobs from PostgreSQL.
     *
     * @param extraSettings more {@code --key=value} settings of the service (a test's slow trainer, say)
     */
    public void startTrainer(String... extraSettings) {
        List<String> args = withKafka(
                "--server.port=" + settings.services().trainerPort(),
                "--JDBC_URL=" + settings.jdbcUrl(), "--JDBC_USER=" + settings.jdbcUser(),
                "--JDBC_PASSWORD=" + settings.jdbcPassword(),
                "--SPPO_CHECKPOINT_DIR=" + settings.checkpointDir(),
                "--PREFERENCE_URL=http://localhost:" + ServiceContexts.port(preference));
        args.addAll(List.of(extraSettings));
        trainer = ServiceContexts.start(TrainerServiceApplication.class, "trainer-service", true, false, args);
    }

    /** Stops trainer-service as a crash would leave it: whatever it was doing is cut off. */
    public void stopTrainer() {
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
    }

    public int gatewayPort() {
        return ServiceContexts.port(gateway);
    }

    public ConfigurableApplicationContext trainer() {
        return trainer;
    }

    public List<ConfigurableApplicationContext> generators() {
        return List.copyOf(generators);
    }

    /**
     * The broker, and topics with a partition per generator replica (at least {@value #MIN_PARTITIONS}), which
     * each service declares at start (a consumer group shares a topic by partitions). The platform owns its
     * broker, so topics that an earlier run created with fewer partitions get more.
     */
    private List<String> withKafka(String... settingsOfService) {
        List<String> args = new ArrayList<>(List.of(settingsOfService));
        args.add("--spring.cloud.stream.kafka.binder.brokers=" + settings.kafkaBootstrap());
        args.add("--sppo.kafka.topics.partitions=" + Math.max(MIN_PARTITIONS, settings.services().generatorReplicas()));
        args.add("--sppo.kafka.topics.add-partitions=true");
        return args;
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext context : contextsInStopOrder()) {
            context.close();
        }
    }

    private List<ConfigurableApplicationContext> contextsInStopOrder() {
        List<ConfigurableApplicationContext> all = new ArrayList<>();
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {gateway, trainer, preference}) {
            if (c != null) {
                all.add(c);
            }
        }
        all.addAll(generators);
        return all;
    }
}
