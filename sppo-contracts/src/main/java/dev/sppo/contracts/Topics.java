package dev.sppo.contracts;

import java.util.List;

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

    /** {@link AuditEvent}: changes made through services without a database, to trainer-service's audit log. */
    public static final String AUDIT = "sppo.audit";

    /** {@link StreamPrompt}: outside producers to trainer-service's continuous jobs (group {@code trainer-prompts}). */
    public static final String PROMPTS = "sppo.prompts";

    /** Every topic above: what a deployment declares, each with {@link #DEAD_LETTERED}'s dead-letter topics. */
    public static final List<String> ALL =
            List.of(GENERATION_REQUESTS, RESPONSES, PREFERENCES, CHECKPOINTS, JOB_EVENTS, AUDIT, PROMPTS);

    /**
     * The topics whose consumers park a record they cannot process on its {@link #deadLetter(String)} topic, at
     * the record's own partition (the binder's default), so a dead-letter topic has its topic's partitions.
     */
    public static final List<String> DEAD_LETTERED = List.of(GENERATION_REQUESTS, RESPONSES, PREFERENCES, AUDIT,
            PROMPTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** The dead-letter topic of {@code topic}: where a message that keeps failing is parked. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
