package dev.sppo.trainer.checkpoint;

import dev.sppo.contracts.job.CheckpointView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code checkpoints} table. */
@Repository
public class CheckpointRepository {

    private static final String SELECT =
            "SELECT c.id, c.job_id, c.policy_version, c.uri, c.sha256, c.bytes, c.parent_id, c.created_at, "
            + "c.manifest_sha256, c.base_id, c.base_uri, c.base_sha256, b.manifest_sha256 AS base_manifest_sha256 "
            + "FROM checkpoints c LEFT JOIN checkpoints b ON b.id = c.base_id ";

    private final JdbcTemplate jdbc;
    private final RowMapper<Checkpoint> rows = CheckpointRepository::map;

    public CheckpointRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records π_version of a job, a model; returns the row as stored (the first one, when already recorded). */
    public Checkpoint record(String jobId, int version, StoredCheckpoint stored, String parentId) {
        return record(jobId, version, stored, parentId, null);
    }

    /**
     * Records π_version of a job: a model, or (with {@code base}) a LoRA adapter on that model checkpoint; returns the
     * row as stored (the first one, when it was already recorded).
     */
    public Checkpoint record(String jobId, int version, StoredCheckpoint stored, String parentId, AdapterBase base) {
        String id = Checkpoint.idOf(jobId, version);
        jdbc.update("INSERT INTO checkpoints (id, job_id, policy_version, uri, sha256, bytes, parent_id, "
                + "manifest_sha256, kind, base_id, base_uri, base_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, jobId, version, stored.uri().toString(), stored.sha256(),
                stored.bytes(), parentId, stored.manifestSha256(), base == null ? CheckpointView.MODEL
                        : CheckpointView.ADAPTER, base == null ? null : base.id(),
                base == null ? null : base.uri().toString(), base == null ? null : base.sha256());
        return find(id).orElseThrow(() -> new IllegalStateException("checkpoint " + id + " vanished after insert"));
    }

    public Optional<Checkpoint> find(String id) {
        return jdbc.query(SELECT + "WHERE c.id = ?", rows, id).stream().findFirst();
    }

    public Optional<Checkpoint> find(String jobId, int version) {
        return find(Checkpoint.idOf(jobId, version));
    }

    /** π_version of the job, which the caller knows was recorded. */
    public Checkpoint require(String jobId, int version) {
        return find(jobId, version).orElseThrow(() -> new IllegalStateException(
                "checkpoint v" + version + " of job " + jobId + " is not recorded"));
    }

    public List<Checkpoint> forJob(String jobId) {
        return jdbc.query(SELECT + "WHERE c.job_id = ? ORDER BY c.policy_version", rows, jobId);
    }

    private static Checkpoint map(ResultSet rs, int row) throws SQLException {
        String baseId = rs.getString("base_id");
        AdapterBase base = baseId == null ? null : new AdapterBase(baseId, URI.create(rs.getString("base_uri")),
                rs.getString("base_sha256"), rs.getString("base_manifest_sha256"));
        return new Checkpoint(rs.getString("id"), rs.getString("job_id"), rs.getInt("policy_version"),
                URI.create(rs.getString("uri")), rs.getString("sha256"), rs.getLong("bytes"), rs.getString("parent_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("manifest_sha256"), base);
    }
}
