package dev.sppo.platform;

/**
 * How the four services of an in-process platform listen.
 *
 * @param gatewayPort the public port (0: random)
 * @param generatorPort the first generator replica's port (0: random; replicas after the first are random)
 * @param preferencePort preference-service's port (0: random)
 * @param trainerPort trainer-service's port (0: random)
 * @param generatorReplicas generator-service replicas sharing the {@code generator} consumer group
 * @param apiKey the gateway's API key, the key of its one admin ({@value #ADMIN}), who sees every job
 */
public record ServiceSettings(
        int gatewayPort,
        int generatorPort,
        int preferencePort,
        int trainerPort,
        int generatorReplicas,
        String apiKey) {

    /** The name of the platform's admin user, whose key is {@code apiKey}. */
    public static final String ADMIN = "admin";

    public ServiceSettings {
        if (generatorReplicas < 1) {
            throw new IllegalArgumentException("generator replicas must be >= 1, got " + generatorReplicas);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an API key is required");
        }
    }
}
