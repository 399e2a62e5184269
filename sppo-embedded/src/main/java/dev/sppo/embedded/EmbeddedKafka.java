package dev.sppo.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka (KRaft, broker and controller in one) running in this JVM on fixed ports, with its log
 * directory under {@code dir}: formatted with {@link StorageTool} on the first start and reused afterwards, so
 * topics, messages and consumer offsets survive a restart. Sized for one machine: every replication factor
 * and min ISR is 1, consumer groups form without the initial rebalance delay, and new topics get
 * {@value #PARTITIONS} partitions so that two consumers of a group share the work.
 */
public final class EmbeddedKafka implements AutoCloseable {

    static final int PARTITIONS = 2;
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int brokerPort;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, int brokerPort) {
        this.server = server;
        this.brokerPort = brokerPort;
    }

    /**
     * Starts the broker, formatting {@code dir} first if it holds no Kafka storage yet.
     *
     * @param dir the broker's own directory (its config file and log directory go under it)
     * @param brokerPort the client port
     * @param controllerPort the KRaft controller port
     */
    public static EmbeddedKafka start(Path dir, int brokerPort, int controllerPort) throws IOException {
        return start(dir, brokerPort, controllerPort, PARTITIONS);
    }

    /**
     * Starts the broker as {@link #start(Path, int, int)} does, with {@code defaultPartitions} for topics that no
     * client declares (auto-created ones), as docker-compose's {@code KAFKA_NUM_PARTITIONS} sets them.
     */
    public static EmbeddedKafka start(Path dir, int brokerPort, int controllerPort, int defaultPartitions)
            throws IOException {
        Path logDir = dir.resolve("data");
        Files.createDirectories(logDir);
        Properties props = serverProperties(logDir, brokerPort, controllerPort);
        props.setProperty("num.partitions", Integer.toString(defaultPartitions));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dir.resolve("server.properties"), props);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return new EmbeddedKafka(server, brokerPort);
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":"
                + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", Integer.toString(PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void format(Path configFile, Properties props) throws IOException {
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            props.store(out, "written by sppo for StorageTool format; the broker is configured in code");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", configFile.toString()}, printer);
        }
        if (status != 0) {
            throw new IOException("could not format Kafka storage in " + props.getProperty("log.dirs") + ": "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Stops the broker (a controlled shutdown: logs flushed, clean-shutdown marker written). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
            server.awaitShutdown();
        }
    }
}
