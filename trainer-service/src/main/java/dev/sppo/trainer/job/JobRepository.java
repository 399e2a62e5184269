package dev.sppo.trainer.job;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.owner.Owners;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code jobs} table. Every state change is a conditional update on a non-terminal state, so a job that
 * was cancelled (or failed) is never brought back by a worker that is still busy with it.
 */
@Repository
public class JobRepository {

    private static final String COLUMNS =
            "id, name, owner, config::text AS config, state, iteration, phase, failure_reason, created_at, updated_at";
    private static final String ACTIVE = "state IN ('QUEUED', 'RUNNING')";
    private static final String NOT_TERMINAL = "state IN ('QUEUED', 'RUNNING', 'PAUSED')";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final RowMapper<Job> rows = this::map;

    public JobRepository(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A QUEUED job submitted by {@code owner} (null: by no user). */
    public void insert(String id, String name, String owner, Map<String, Object> config) {
        jdbc.update("INSERT INTO jobs (id, name, owner, config, state) VALUES (?, ?, ?, ?::jsonb, 'QUEUED')",
                id, name, owner, json.write(config));
    }

    public Optional<Job> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", rows, id).stream().findFirst();
    }

    /** The newest {@code limit} jobs {@code caller} may see (their own, or all for an admin), newest first. */
    public List<Job> newest(int limit, Caller caller) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE " + Owners.VISIBLE
                + " ORDER BY created_at DESC, id LIMIT ?", rows, caller.admin(), caller.name(), limit);
    }

    /** QUEUED and RUNNING jobs, oldest first. */
    public List<Job> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE " + ACTIVE + " ORDER BY created_at, id", rows);
    }

    public boolean isActive(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM jobs WHERE id = ? AND " + ACTIVE + ")", Boolean.class, id));
    }

    /** RUNNING in iteration t and phase p; false when the job is no longer QUEUED or RUNNING. */
    public boolean enter(String id, int t, Phase p) {
        return jdbc.update("UPDATE jobs SET state = 'RUNNING', iteration = ?, phase = ?, updated_at = now() "
                + "WHERE id = ? AND " + ACTIVE, t, p.name(), id) == 1;
    }

    /** Moves a QUEUED, RUNNING or PAUSED job to a terminal state; false when it is unknown or already terminal. */
    public boolean finish(String id, JobState terminal, String reason) {
        if (!terminal.isTerminal()) {
            throw new IllegalArgumentException("finish needs a terminal state, got " + terminal);
        }
        return jdbc.update("UPDATE jobs SET state = ?, phase = NULL, failure_reason = ?, updated_at = now() "
                + "WHERE id = ? AND " + NOT_TERMINAL, terminal.name(), reason, id) == 1;
    }

    /** QUEUED or RUNNING → PAUSED, keeping iteration and phase; false when the job is in neither state. */
    public boolean pause(String id) {
        return jdbc.update("UPDATE jobs SET state = 'PAUSED', updated_at = now() WHERE id = ? AND " + ACTIVE, id) == 1;
    }

    /** QUEUED or PAUSED → RUNNING, keeping iteration and phase; false when the job is in neither state. */
    public boolean run(String id) {
        return jdbc.update("UPDATE jobs SET state = 'RUNNING', updated_at = now() WHERE id = ? AND state IN "
                + "('QUEUED', 'PAUSED')", id) == 1;
    }

    /** A RUNNING job between iterations (a continuous job waiting for its next round): no phase. */
    public void idle(String id) {
        jdbc.update("UPDATE jobs SET phase = NULL, updated_at = now() WHERE id = ? AND state = 'RUNNING'", id);
    }

    /** The continuous jobs that have not ended (QUEUED, RUNNING or PAUSED). */
    public List<String> unfinishedContinuous() {
        return jdbc.queryForList("SELECT id FROM jobs WHERE " + NOT_TERMINAL + " AND config -> 'continuous' IS NOT NULL",
                String.class);
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        String phase = rs.getString("phase");
        return new Job(rs.getString("id"), rs.getString("name"), rs.getString("owner"),
                json.readMap(rs.getString("config")),
                JobState.valueOf(rs.getString("state")), (Integer) rs.getObject("iteration"),
                phase == null ? null : Phase.valueOf(phase), rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
