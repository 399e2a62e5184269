package dev.sppo.contracts;

/**
 * A change made through a service that keeps no database of its own (a generator replica's version pin), for the
 * trainer-service to record in its {@code audit_log} beside the changes it makes itself.
 *
 * @param version {@link ContractVersion#CURRENT}
 * @param eventId a random UUID: the trainer records each event once, however often it is delivered
 * @param username who did it, as the gateway named the API key's user; null for the platform's own requests
 * @param admin whether that caller is an admin
 * @param action what was done, e.g. "pinned to version 3 on generator-1"
 * @param kind what it was done to, e.g. "job"
 * @param target the id of what it was done to
 * @param timestampMillis when it happened, epoch milliseconds
 */
public record AuditEvent(
        int version, String eventId, String username, boolean admin, String action, String kind, String target,
        long timestampMillis) {

    public AuditEvent {
        Require.version("AuditEvent", version);
        Require.text("AuditEvent", "eventId", eventId);
        Require.text("AuditEvent", "action", action);
        Require.text("AuditEvent", "kind", kind);
        Require.text("AuditEvent", "target", target);
        Require.positive("AuditEvent", "timestampMillis", timestampMillis);
    }
}
