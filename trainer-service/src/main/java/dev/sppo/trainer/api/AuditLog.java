package dev.sppo.trainer.api;

import dev.sppo.service.auth.Audit;
import dev.sppo.service.auth.Caller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who changed what through the API, and when: a row of {@code audit_log} and an {@link Audit} line per change (a job
 * submitted, cancelled, paused, resumed or stopped; a dataset or model uploaded; a preference model submitted).
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
}
