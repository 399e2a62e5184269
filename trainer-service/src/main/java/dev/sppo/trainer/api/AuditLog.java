package dev.sppo.trainer.api;

import dev.sppo.contracts.AuditEvent;
import dev.sppo.service.auth.Audit;
import dev.sppo.service.auth.Caller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Who changed what through the API, and when: a row of {@code audit_log} and an {@link Audit} line per change (a job
 * submitted, cancelled, paused, resumed or stopped; a dataset or model uploaded; a preference model submitted), and
 * a row per {@link AuditEvent} the other services send on {@code sppo.audit} (a generator replica's pins).
 */
@Component
public class AuditLog {

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code caller} did {@code action} to the {@code kind} with this id, e.g. "cancelled", "job". */
    public void record(Caller caller, String action, String kind, Object id) {
        jdbc.update("INSERT INTO audit_log (username, admin, action, kind, target) VALUES (?, ?, ?, ?, ?)",
                caller.name(), caller.admin(), action, kind, String.valueOf(id));
        Audit.line(caller, action, kind, id);
    }

    /** Records another service's change once, however often its event is delivered. */
    public void record(AuditEvent event) {
        jdbc.update("INSERT INTO audit_log (event_id, at, username, admin, action, kind, target) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING", event.eventId(),
                Timestamp.from(Instant.ofEpochMilli(event.timestampMillis())), event.username(), event.admin(),
                event.action(), event.kind(), event.target());
    }
}
