package dev.sppo.platform;

import dev.sppo.embedded.EmbeddedDatabase;
import dev.sppo.embedded.EmbeddedKafka;

import java.nio.file.Path;
import java.util.List;

/**
 * Where {@link EmbeddedStack} keeps its data and listens.
 *
 * @param dataDir the root of everything the stack writes: {@code kafka/}, {@code postgres/}, {@code checkpoints/},
 *     {@code logs/}
 * @param kafkaPort the broker's client port
 * @param kafkaControllerPort the broker's KRaft controller port
 * @param postgresPort PostgreSQL's port
 * @param services the services' ports, generator replicas and API key
 */
public record StackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        ServiceSettings services) {

    /** Everything the stack writes directly under {@code dataDir}. */
    static final List<String> LAYOUT = List.of("kafka", "postgres", "checkpoints", "logs");

    public StackSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("a data directory is required");
        }
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path checkpointDir() {
        return dataDir.resolve("checkpoints");
    }

    /** Where {@link PlatformLog} sends the services' logs. */
    public Path logFile() {
        return dataDir.resolve("logs").resolve("platform.log");
    }

    PlatformSettings platform(EmbeddedKafka kafka, EmbeddedDatabase database) {
        return new PlatformSettings(kafka.bootstrapServers(), database.jdbcUrl(), database.user(), database.password(),
                checkpointDir(), services);
    }
}
