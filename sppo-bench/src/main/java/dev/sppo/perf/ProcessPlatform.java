package dev.sppo.perf;

import dev.sppo.client.JobsClient;
import dev.sppo.embedded.EmbeddedDatabase;
import dev.sppo.embedded.FreePorts;
import dev.sppo.embedded.ServiceKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as docker-compose deploys it, without containers: an in-process Kafka broker and an embedded
 * PostgreSQL in this JVM, and each service a separate JVM started from its executable jar with the compose
 * file's environment (SERVER_PORT, KAFKA_BOOTSTRAP, JDBC_URL, ...). The services declare their topics with
 * {@value #PARTITIONS} partitions ({@code SPPO_TOPIC_PARTITIONS}) so that a second generator replica can share the
 * requests; like compose's, the broker gives {@value #BROKER_PARTITIONS} to a topic it creates itself. Where each
 * service keeps checkpoints says a {@link CheckpointPlacement} (one shared directory by default). As in the
 * embedded demo, the backends listen on the loopback address only and ask for a service key
 * made for this run, which the gateway sends. Closing stops the services (the gateway first, the generators
 * last), then the database, then the broker.
 *
 * <p>The broker runs as a process of its own too ({@link BrokerProcess}). For fault injection ({@code dev.sppo.chaos})
 * a service can be killed hard ({@link #kill}: SIGKILL) or frozen, and started again on the same port
 * ({@link #restart}), and the broker and the database stopped, killed or crashed, and started again on the same
 * directories and ports.
 */
public final class ProcessPlatform implements AutoCloseable {

    private static final int PARTITIONS = 2;
    private static final int BROKER_PARTITIONS = 3;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String LOOPBACK = "127.0.0.1";
    /** The gateway's service name. */
    public static final String GATEWAY = "gateway";
    /** The trainer's service name. */
    public static final String TRAINER = "trainer-service";
    /** The preference-service's name. */
    public static final String PREFERENCE = "preference-service";

    private final ProcessSettings settings;
    private final CheckpointPlacement checkpoints;
    private final int trainerPort = FreePorts.next();
    private final String serviceKey = ServiceKeys.random();
    /** By name, in start order; a restart (on a fault injector's thread) replaces an entry. */
    private final Map<String, ServiceProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private final int kafkaPort = FreePorts.next();
    private final int kafkaControllerPort = FreePorts.next();
    private final int databasePort = FreePorts.next();
    private volatile BrokerProcess kafka;
    private volatile EmbeddedDatabase database;
    private int generators;

    private ProcessPlatform(ProcessSettings settings, CheckpointPlacement checkpoints) {
        this.settings = settings;
        this.checkpoints = checkpoints;
    }

    /** Starts the platform with every service on one checkpoint directory, as compose's one volume. */
    public static ProcessPlatform start(ProcessSettings settings) throws IOException, InterruptedException {
        return start(settings, CheckpointPlacement.sharedVolume());
    }

    public static ProcessPlatform start(ProcessSettings settings, CheckpointPlacement checkpoints)
            throws IOException, InterruptedException {
        ProcessPlatform platform = new ProcessPlatform(settings, checkpoints);
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
        startBroker();
        startDatabase();
        addGenerator();
        ServiceProcess generator = services.get(generator(1));
        ServiceProcess preference = launch(PREFERENCE, "preference-service", Map.of(
                "SPPO_MODELS_DIR", settings.modelsDir().toString()));
        ServiceProcess trainer = launch(TRAINER, "trainer-service", trainerPort, Map.of(
                "JDBC_URL", database.jdbcUrl(), "JDBC_USER", database.user(), "JDBC_PASSWORD", database.password(),
                "SPPO_MODELS_DIR", settings.modelsDir().toString(), "PREFERENCE_URL", url(preference)));
        launch(GATEWAY, "gateway", Map.of("TRAINER_URL", url(trainer), "GENERATOR_URL", url(generator),
                "PREFERENCE_URL", url(preference), "SPPO_API_KEYS", settings.apiKey()));
    }

    /** The name of generator replica {@code n} (from 1). */
    public static String generator(int n) {
        return "generator-" + n;
    }

    /** Starts one more generator-service replica (in the same consumer group) and waits until it is healthy. */
    public void addGenerator() throws IOException, InterruptedException {
        generators++;
        String name = generator(generators);
        launch(name, "generator-service", Map.of("GENERATOR_INSTANCE_ID", name));
    }

    /** The broker's {@code host:port}. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The gateway's base URL, where the platform's API is. */
    public String gatewayUrl() {
        return url(services.get(GATEWAY));
    }

    /** The job API through the gateway. */
    public JobsClient jobs() {
        return new JobsClient(url(services.get(GATEWAY)), settings.apiKey());
    }

    /** A new connection to the platform's database (the caller closes it). */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** Kills service {@code name} at once (SIGKILL), as a crash or the OOM killer would. */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Starts the killed service {@code name} again on its port and waits until it is healthy. */
    public void restart(String name) throws IOException, InterruptedException {
        ServiceProcess restarted = service(name).restarted();
        services.put(name, restarted);
        restarted.awaitHealthy(START_TIMEOUT);
    }

    /**
     * Kills service {@code name} and starts it again on its port under a file-size limit of {@code maxFileBytes}
     * (a full disk: writes past it fail), its output in {@code <name>.limited.log}; waits until it is healthy.
     * {@link #restart} starts it again without the limit.
     */
    public void restartWithFileLimit(String name, long maxFileBytes) throws IOException, InterruptedException {
        ServiceProcess service = service(name);
        service.kill();
        ServiceProcess limited = service.restartedWithFileLimit(maxFileBytes,
                settings.dataDir().resolve("logs").resolve(name + ".limited.log"));
        services.put(name, limited);
        limited.awaitHealthy(START_TIMEOUT);
    }

    /** Freezes service {@code name} (SIGSTOP): it holds its sockets and its partitions but does nothing. */
    public void freeze(String name) throws IOException, InterruptedException {
        service(name).signal("STOP");
    }

    /** Lets a {@link #freeze frozen} service {@code name} go on (SIGCONT). */
    public void thaw(String name) throws IOException, InterruptedException {
        service(name).signal("CONT");
    }

    /** Stops the broker (a controlled shutdown); {@link #startBroker} starts it on the same log directory. */
    public void stopBroker() throws InterruptedException {
        kafka.close();
    }

    /**
     * Kills the broker's process (SIGKILL: no flush, no clean-shutdown marker); {@link #startBroker} starts it again
     * on the same log directory, which it recovers.
     */
    public void killBroker() throws InterruptedException {
        kafka.kill();
    }

    /** Stops PostgreSQL (a fast shutdown: open sessions are ended); {@link #startDatabase} starts it again. */
    public void stopDatabase() throws IOException {
        database.close();
    }

    /**
     * Crashes PostgreSQL (SIGKILL to its postmaster: no checkpoint, no shutdown record); {@link #startDatabase}
     * starts it again, with crash recovery.
     */
    public void crashDatabase() throws IOException {
        database.crash();
    }

    private List<ServiceProcess> running() {
        return new ArrayList<>(runningByName().values());
    }

    private Map<String, ServiceProcess> runningByName() {
        synchronized (services) {
            return new LinkedHashMap<>(services);
        }
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named " + name + "; there are " + services.keySet());
        }
        return service;
    }

    /**
     * Starts the broker on its log directory and ports (formatting the directory on the first start), and waits
     * until it accepts clients.
     */
    public void startBroker() throws IOException, InterruptedException {
        if (kafka == null) {
            kafka = BrokerProcess.start(settings.dataDir().resolve("kafka"), kafkaPort, kafkaControllerPort,
                    BROKER_PARTITIONS, settings.dataDir().resolve("logs").resolve("broker.log"));
        } else {
            kafka.startAgain();
        }
    }

    /** Starts PostgreSQL on its cluster directory and port (creating the cluster on the first start). */
    public void startDatabase() throws IOException {
        database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), databasePort);
    }

    /** What every generator replica has done so far ({@link GeneratorPolls}). */
    GeneratorPolls generatorPolls() throws InterruptedException {
        GeneratorPolls all = GeneratorPolls.NONE;
        for (int n = 1; n <= generators; n++) {
            all = all.plus(GeneratorPolls.of(service(generator(n)).prometheus(settings.apiKey())));
        }
        return all;
    }

    /**
     * The CPU time each process of the platform has used so far: every service, the broker, PostgreSQL (its
     * postmaster and backends) and this JVM (which submits and follows the job and counts the topics' offsets).
     */
    CpuSeconds cpu() throws IOException {
        Map<String, List<ProcessHandle>> processes = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceProcess> service : runningByName().entrySet()) {
            processes.put(service.getKey(), List.of(service.getValue().handle()));
        }
        processes.put("broker", List.of(kafka.handle()));
        processes.put("PostgreSQL", database.processes());
        processes.put("bench (this JVM)", List.of(ProcessHandle.current()));
        return CpuSeconds.read(processes);
    }

    /** Every service's memory, read now (peak RSS is the peak since its start). */
    List<ServiceMemory> memory() throws IOException, InterruptedException {
        List<ServiceMemory> all = new ArrayList<>();
        for (ServiceProcess service : running()) {
            all.add(service.memory(settings.apiKey()));
        }
        return all;
    }

    private ServiceProcess launch(String name, String module, Map<String, String> extra)
            throws IOException, InterruptedException {
        return launch(name, module, FreePorts.next(), extra);
    }

    private ServiceProcess launch(String name, String module, int port, Map<String, String> extra)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(settings.environment());
        env.putAll(extra);
        if (!module.equals(GATEWAY)) {
            env.putAll(checkpoints.environment(name, "http://" + LOOPBACK + ":" + trainerPort, settings.dataDir()));
        }
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("SPPO_SERVICE_KEY", serviceKey);
        if (!module.equals(GATEWAY)) {
            env.put("SERVER_ADDRESS", LOOPBACK);
        }
        env.put("SPPO_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        ServiceProcess service = ServiceProcess.start(name, settings.jars().of(module), settings.jvmOptions(), env,
                List.of(), port, settings.dataDir().resolve("logs").resolve(name + ".log"));
        services.put(name, service);
        service.awaitHealthy(START_TIMEOUT);
        return service;
    }

    private static String url(ServiceProcess service) {
        return "http://" + LOOPBACK + ":" + service.port();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        List<ServiceProcess> running = running();
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
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
