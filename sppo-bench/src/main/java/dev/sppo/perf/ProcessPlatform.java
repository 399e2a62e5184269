package dev.sppo.perf;

import dev.sppo.client.JobsClient;
import dev.sppo.embedded.EmbeddedDatabase;
import dev.sppo.embedded.EmbeddedKafka;
import dev.sppo.embedded.FreePorts;
import dev.sppo.embedded.ServiceKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform as docker-compose deploys it, without containers: an in-process Kafka broker and an embedded
 * PostgreSQL in this JVM, and each service a separate JVM started from its executable jar with the compose
 * file's environment (SERVER_PORT, KAFKA_BOOTSTRAP, JDBC_URL, ...). The services declare their topics with
 * {@value #PARTITIONS} partitions ({@code SPPO_TOPIC_PARTITIONS}) so that a second generator replica can share the
 * requests. As in the embedded demo, the backends listen on the loopback address only and ask for a service key
 * made for this run, which the gateway sends. Closing stops the services (the gateway first, the generators
 * last), then the database, then the broker.
 */
final class ProcessPlatform implements AutoCloseable {

    private static final int PARTITIONS = 2;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String LOOPBACK = "127.0.0.1";

    private final ProcessSettings settings;
    private final String serviceKey = ServiceKeys.random();
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedDatabase database;
    private ServiceProcess gateway;
    private int generators;

    private ProcessPlatform(ProcessSettings settings) {
        this.settings = settings;
    }

    static ProcessPlatform start(ProcessSettings settings) throws IOException, InterruptedException {
        ProcessPlatform platform = new ProcessPlatform(settings);
        try {
            platform.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void startAll() throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir().resolve("logs"));
        kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), FreePorts.next(), FreePorts.next());
        database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), FreePorts.next());
        ServiceProcess generator = addGenerator();
        ServiceProcess preference = launch("preference-service", "preference-service", Map.of(
                "SPPO_CHECKPOINT_DIR", settings.dataDir().resolve("checkpoints").toString(),
                "SPPO_MODELS_DIR", settings.modelsDir().toString()));
        ServiceProcess trainer = launch("trainer-service", "trainer-service", Map.of(
                "JDBC_URL", database.jdbcUrl(), "JDBC_USER", database.user(), "JDBC_PASSWORD", database.password(),
                "SPPO_CHECKPOINT_DIR", settings.dataDir().resolve("checkpoints").toString(),
                "SPPO_MODELS_DIR", settings.modelsDir().toString(), "PREFERENCE_URL", url(preference)));
        gateway = launch("gateway", "gateway", Map.of("TRAINER_URL", url(trainer), "GENERATOR_URL", url(generator),
                "PREFERENCE_URL", url(preference), "SPPO_API_KEYS", settings.apiKey()));
    }

    /** Starts one more generator-service replica (in the same consumer group) and waits until it is healthy. */
    ServiceProcess addGenerator() throws IOException, InterruptedException {
        generators++;
        String name = "generator-" + generators;
        return launch(name, "generator-service", Map.of("GENERATOR_INSTANCE_ID", name,
                "SPPO_CHECKPOINT_DIR", settings.dataDir().resolve("checkpoints").toString()));
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The job API through the gateway. */
    JobsClient jobs() {
        return new JobsClient(url(gateway), settings.apiKey());
    }

    /** Every service's memory, read now (peak RSS is the peak since its start). */
    List<ServiceMemory> memory() throws IOException, InterruptedException {
        List<ServiceMemory> all = new ArrayList<>();
        for (ServiceProcess service : services) {
            all.add(service.memory(settings.apiKey()));
        }
        return all;
    }

    private ServiceProcess launch(String name, String module, Map<String, String> extra)
            throws IOException, InterruptedException {
        int port = FreePorts.next();
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("SPPO_SERVICE_KEY", serviceKey);
        if (!module.equals("gateway")) {
            env.put("SERVER_ADDRESS", LOOPBACK);
        }
        env.put("SPPO_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        ServiceProcess service = ServiceProcess.start(name, settings.jars().of(module), settings.jvmOptions(), env,
                List.of(), port, settings.dataDir().resolve("logs").resolve(name + ".log"));
        services.add(service);
        service.awaitHealthy(START_TIMEOUT);
        return service;
    }

    private static String url(ServiceProcess service) {
        return "http://" + LOOPBACK + ":" + service.port();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (database != null) {
            database.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
