package dev.sppo.trainer.checkpoint;

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
            "SELECT id, job_id, policy_version, uri, sha256, bytes, parent_id, created_at, "
            + "manifest_sha256 FROM checkpoints ";

    private final JdbcTemplate jdbc;
    private final RowMapper<Checkpoint> rows = CheckpointRepository::map;

    public CheckpointRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records π_version of a job; returns the row as stored (the first one, when it was already recorded). */
    public Checkpoint record(String jobId, int version, StoredCheckpoint stored, String parentId) {
        String id = Checkpoint.idOf(jobId, version);
        jdbc.update("INSERT INTO checkpoints (id, job_id, policy_version, uri, sha256, bytes, parent_id, "
                + "manifest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", id, jobId, version,
                stored.uri().toString(), stored.sha256(), stored.bytes(), parentId, stored.manifestSha256());
        return find(id).orElseThrow(() -> new IllegalStateException("checkpoint " + id + " vanished after insert"));
    }

    public Optional<Checkpoint> find(String id) {
        return jdbc.query(SELECT + "WHERE id = ?", rows, id).stream().findFirst();
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
        return jdbc.query(SELECT + "WHERE job_id = ? ORDER BY policy_version", rows, jobId);
    }

    private static Checkpoint map(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getString("id"), rs.getString("job_id"), rs.getInt("policy_version"),
                URI.create(rs.getString("uri")), rs.getString("sha256"), rs.getLong("bytes"), rs.getString("parent_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("manifest_sha256"));
    }
}
