package dev.sppo.contracts;

/**
 * Kafka topic names. Every message is keyed by its prompt id (or job id for job-level events), so that the
 * partitions spread one iteration's prompts over the replicas of a consumer group.
 */
public final class Topics {

    /** {@link GenerationRequest}: trainer-service to generator-service. */
    public static final String GENERATION_REQUESTS = "sppo.generation.requests";
    /** {@link SampledResponses}: generator-service to preference-service. */
    public static final String RESPONSES = "sppo.responses";
    /** {@link ScoredPrompt}: preference-service to trainer-service. */
    public static final String PREFERENCES = "sppo.preferences";
    /** {@link CheckpointPublished}: trainer-service to generators (cache invalidation) and observers. */
    public static final String CHECKPOINTS = "sppo.checkpoints";
    /** {@link JobEvent}: job state changes, for dashboards and audit. */
    public static final String JOB_EVENTS = "sppo.job-events";

    /** {@link StreamPrompt}: outside producers to trainer-service's continuous jobs (group {@code trainer-prompts}). */
    public static final String PROMPTS = "sppo.prompts";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** The dead-letter topic of {@code topic}: where a message that keeps failing is parked. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
