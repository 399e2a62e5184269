package dev.sppo.trainer.preferencemodel;

import dev.sppo.trainer.checkpoint.StoredCheckpoint;
import dev.sppo.trainer.job.JsonColumns;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.owner.Owners;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code preference_models} table; state changes are conditional, so a finished run is never reopened. */
@Repository
public class PreferenceModelRepository {

    private static final String COLUMNS = "id, name, kind, config::text AS config, state, failure_reason, "
            + "metrics::text AS metrics, uri, sha256, bytes, created_at, finished_at, manifest_sha256";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final RowMapper<PreferenceModelRun> rows = this::map;

    public PreferenceModelRepository(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A QUEUED run submitted by {@code owner} (null: no user). */
    public void insert(String id, String name, String kind, Map<String, Object> config, String owner) {
        jdbc.update("INSERT INTO preference_models (id, name, kind, config, state, owner) "
                + "VALUES (?, ?, ?, ?::jsonb, ?, ?)",
                id, name, kind, json.write(config), PreferenceModelRun.QUEUED, owner);
    }

    public Optional<PreferenceModelRun> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM preference_models WHERE id = ?", rows, id).stream()
                .findFirst();
    }

    /** The run, if {@code caller} may see it: their own, or any for an admin. */
    public Optional<PreferenceModelRun> find(String id, Caller caller) {
        return jdbc.query("SELECT " + COLUMNS + " FROM preference_models WHERE id = ? AND " + Owners.VISIBLE, rows, id,
                caller.admin(), caller.name()).stream().findFirst();
    }

    /** The newest runs {@code caller} may see. */
    public List<PreferenceModelRun> newest(int limit, Caller caller) {
        return jdbc.query("SELECT " + COLUMNS + " FROM preference_models WHERE " + Owners.VISIBLE
                + " ORDER BY created_at DESC, id LIMIT ?", rows, caller.admin(), caller.name(), limit);
    }

    /** QUEUED and RUNNING runs, oldest first: what a restarted service picks up again. */
    public List<PreferenceModelRun> unfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM preference_models WHERE state IN ('QUEUED', 'RUNNING') "
                + "ORDER BY created_at, id", rows);
    }

    public boolean start(String id) {
        return jdbc.update("UPDATE preference_models SET state = 'RUNNING' WHERE id = ? AND state IN "
                + "('QUEUED', 'RUNNING')", id) == 1;
    }

    /** @param metricsJson the run's metrics as a JSON object */
    public boolean succeed(String id, String metricsJson, StoredCheckpoint checkpoint) {
        return jdbc.update("UPDATE preference_models SET state = 'SUCCEEDED', metrics = ?::jsonb, uri = ?, "
                + "sha256 = ?, bytes = ?, manifest_sha256 = ?, finished_at = now() WHERE id = ? AND state = 'RUNNING'",
                metricsJson, checkpoint.uri().toString(), checkpoint.sha256(), checkpoint.bytes(),
                checkpoint.manifestSha256(), id) == 1;
    }

    public boolean fail(String id, String reason) {
        return jdbc.update("UPDATE preference_models SET state = 'FAILED', failure_reason = ?, finished_at = now() "
                + "WHERE id = ? AND state IN ('QUEUED', 'RUNNING')", reason, id) == 1;
    }

    private PreferenceModelRun map(ResultSet rs, int row) throws SQLException {
        String uri = rs.getString("uri");
        return new PreferenceModelRun(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                json.readMap(rs.getString("config")), rs.getString("state"), rs.getString("failure_reason"),
                json.readMap(rs.getString("metrics")), uri == null ? null : URI.create(uri), rs.getString("sha256"),
                rs.getObject("bytes", Long.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("manifest_sha256"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
