package dev.sppo.trainer.job;

import dev.sppo.contracts.job.Metric;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code iterations} table: one row per (job, t), created when iteration t's requests go out. */
@Repository
public class IterationRepository {

    private static final String SELECT = "SELECT i.job_id, i.iteration, i.phase, i.expected_prompts, i.started_at, "
            + "i.finished_at, i.metrics::text AS metrics, (SELECT count(*) FROM prompt_results r "
            + "WHERE r.job_id = i.job_id AND r.iteration = i.iteration) AS received FROM iterations i ";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final RowMapper<IterationRecord> rows = this::map;

    public IterationRepository(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates iteration t in GENERATE; does nothing when it exists (a resumed start). */
    public void insert(String jobId, int t, int expectedPrompts) {
        jdbc.update("INSERT INTO iterations (job_id, iteration, phase, expected_prompts) VALUES (?, ?, 'GENERATE', ?) "
                + "ON CONFLICT (job_id, iteration) DO NOTHING", jobId, t, expectedPrompts);
    }

    public Optional<IterationRecord> find(String jobId, int t) {
        return jdbc.query(SELECT + "WHERE i.job_id = ? AND i.iteration = ?", rows, jobId, t).stream().findFirst();
    }

    /** The job's lowest iteration (round) that began and has not finished, if any. */
    public Optional<IterationRecord> firstUnfinished(String jobId) {
        return jdbc.query(SELECT + "WHERE i.job_id = ? AND i.finished_at IS NULL ORDER BY i.iteration LIMIT 1", rows,
                jobId).stream().findFirst();
    }

    public List<IterationRecord> forJob(String jobId) {
        return jdbc.query(SELECT + "WHERE i.job_id = ? ORDER BY i.iteration", rows, jobId);
    }

    /**
     * GENERATE → TRAIN, recording the generation time ({@link Metric#GENERATE_SECONDS}). Exactly one caller
     * wins: the update matches only while the iteration is still in GENERATE.
     */
    public boolean beginTraining(String jobId, int t) {
        return jdbc.update("UPDATE iterations SET phase = 'TRAIN', metrics = metrics || jsonb_build_object("
                + "?::text, extract(epoch FROM now() - started_at)) "
                + "WHERE job_id = ? AND iteration = ? AND phase = 'GENERATE'", Metric.GENERATE_SECONDS.key(), jobId,
                t) == 1;
    }

    public void setPhase(String jobId, int t, Phase phase) {
        jdbc.update("UPDATE iterations SET phase = ? WHERE job_id = ? AND iteration = ?", phase.name(), jobId, t);
    }

    /** Merges {@code metrics} into the iteration's metrics (top-level keys replace). */
    public void addMetrics(String jobId, int t, Map<String, Object> metrics) {
        jdbc.update("UPDATE iterations SET metrics = metrics || ?::jsonb WHERE job_id = ? AND iteration = ?",
                json.write(metrics), jobId, t);
    }

    public void finish(String jobId, int t) {
        jdbc.update("UPDATE iterations SET finished_at = now() WHERE job_id = ? AND iteration = ?", jobId, t);
    }

    private IterationRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new IterationRecord(rs.getString("job_id"), rs.getInt("iteration"), Phase.valueOf(rs.getString("phase")),
                rs.getInt("expected_prompts"), rs.getInt("received"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), json.readMap(rs.getString("metrics")));
    }
}
