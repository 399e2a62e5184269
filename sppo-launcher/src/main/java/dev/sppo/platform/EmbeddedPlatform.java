package dev.sppo.platform;

import dev.sppo.embedded.ServiceKeys;
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
 * gateway in front of them. Used by {@code ./sppo demo} and by the platform's integration tests. The backends listen
 * on the loopback address only ({@value #LOOPBACK}) and ask every caller for a service key made for this run, which
 * the gateway (and the trainer, calling the preference-service) sends; only the gateway is reachable from other
 * machines, with its API key, which is the key of the platform's admin ({@link ServiceSettings#ADMIN}).
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final int MIN_PARTITIONS = 2;
    /** The address the backend services bind to and the gateway calls them at. */
    static final String LOOPBACK = "127.0.0.1";

    private final PlatformSettings settings;
    private final ExtraSettings extra;
    private final String serviceKey = ServiceKeys.random();
    private final List<ConfigurableApplicationContext> generators = new ArrayList<>();
    private ConfigurableApplicationContext preference;
    private ConfigurableApplicationContext trainer;
    private ConfigurableApplicationContext gateway;

    private EmbeddedPlatform(PlatformSettings settings, ExtraSettings extra) {
        this.settings = settings;
        this.extra = extra;
    }

    public static EmbeddedPlatform start(PlatformSettings settings) {
        return start(settings, ExtraSettings.NONE);
    }

    /** Starts the platform with {@code extra} settings for some of its services. */
    public static EmbeddedPlatform start(PlatformSettings settings, ExtraSettings extra) {
        EmbeddedPlatform platform = new EmbeddedPlatform(settings, extra);
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
            List<String> args = backend("--server.port=" + port, "--sppo.generator.instance-id=generator-" + (i + 1),
                    "--SPPO_CHECKPOINT_DIR=" + settings.checkpointDir());
            args.addAll(extra.generator().apply(i + 1));
            generators.add(ServiceContexts.start(GeneratorServiceApplication.class, "generator-service", false, false,
                    args));
        }
        List<String> preferenceArgs = backend("--server.port=" + settings.services().preferencePort(),
                "--SPPO_CHECKPOINT_DIR=" + settings.checkpointDir());
        preferenceArgs.addAll(extra.preference());
        preference = ServiceContexts.start(PreferenceServiceApplication.class, "preference-service", false, false,
                preferenceArgs);
        startTrainer();
        List<String> gatewayArgs = new ArrayList<>(List.of(
                "--server.port=" + settings.services().gatewayPort(),
                "--TRAINER_URL=" + url(trainer),
                "--GENERATOR_URL=" + url(generators.get(0)),
                "--PREFERENCE_URL=" + url(preference),
                "--sppo.gateway.api-keys=",
                "--sppo.gateway.users[0].name=" + ServiceSettings.ADMIN,
                "--sppo.gateway.users[0].keys=" + settings.services().apiKey(),
                "--sppo.gateway.users[0].role=admin",
                "--sppo.service.key=" + serviceKey));
        gatewayArgs.addAll(extra.gateway());
        gateway = ServiceContexts.start(GatewayApplication.class, "gateway", false, true, gatewayArgs);
    }

    /**
     * Starts trainer-service (again, after {@link #stopTrainer()}): it resumes its jobs from PostgreSQL.
     *
     * @param extraSettings more {@code --key=value} settings of the service (a test's slow trainer, say)
     */
    public void startTrainer(String... extraSettings) {
        List<String> args = backend(
                "--server.port=" + settings.services().trainerPort(),
                "--JDBC_URL=" + settings.jdbcUrl(), "--JDBC_USER=" + settings.jdbcUser(),
                "--JDBC_PASSWORD=" + settings.jdbcPassword(),
                "--SPPO_CHECKPOINT_DIR=" + settings.checkpointDir(),
                "--PREFERENCE_URL=" + url(preference));
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

    public ConfigurableApplicationContext preference() {
        return preference;
    }

    /** A backend's settings: on the loopback address, asking for this run's service key, on the broker. */
    private List<String> backend(String... settingsOfService) {
        List<String> args = withKafka(settingsOfService);
        args.add("--server.address=" + LOOPBACK);
        args.add("--sppo.service.key=" + serviceKey);
        return args;
    }

    private static String url(ConfigurableApplicationContext service) {
        return "http://" + LOOPBACK + ":" + ServiceContexts.port(service);
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
