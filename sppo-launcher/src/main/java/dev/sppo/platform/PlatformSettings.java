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
 * @param services the services' ports, generator replicas and API key
 */
public record PlatformSettings(
        String kafkaBootstrap,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        Path checkpointDir,
        ServiceSettings services) {}
