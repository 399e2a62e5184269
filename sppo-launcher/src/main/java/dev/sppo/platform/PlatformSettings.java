package dev.sppo.platform;

import java.nio.file.Path;

/**
 * Where the four services of an in-process platform find their servers and listen.
 *
 * @param kafkaBootstrap the Kafka bootstrap servers
 * @param jdbcUrl the trainer-service's PostgreSQL URL
 * @param jdbcUser the database user
 * @param jdbcPassword the database password
 * @param checkpointDir the shared checkpoint store
 * @param gatewayPort the public port (0: random)
 * @param generatorPort the first generator replica's port (0: random; replicas after the first are random)
 * @param preferencePort preference-service's port (0: random)
 * @param trainerPort trainer-service's port (0: random)
 * @param generatorReplicas generator-service replicas sharing the {@code generator} consumer group
 * @param apiKey the gateway's API key
 */
public record PlatformSettings(
        String kafkaBootstrap,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        Path checkpointDir,
        int gatewayPort,
        int generatorPort,
        int preferencePort,
        int trainerPort,
        int generatorReplicas,
        String apiKey) {

    public PlatformSettings {
        if (generatorReplicas < 1) {
            throw new IllegalArgumentException("generator replicas must be >= 1, got " + generatorReplicas);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an API key is required");
        }
    }
}
