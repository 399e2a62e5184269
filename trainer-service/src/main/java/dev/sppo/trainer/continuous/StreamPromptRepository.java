package dev.sppo.trainer.continuous;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.StreamMessage;
import dev.sppo.trainer.job.JsonColumns;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code stream_prompts} and {@code stream_rounds} tables: every prompt a continuous job consumed, stored once
 * per (job, prompt id), and the rounds they were grouped into.
 */
@Repository
public class StreamPromptRepository {

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    public StreamPromptRepository(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Whether the job is RUNNING, holding a share lock on its row until the transaction ends: a stop, pause or
     * cancel that commits meanwhile waits, so prompts are stored only for a job that was running when they were.
     */
    boolean lockRunning(String jobId) {
        return "RUNNING".equals(jdbc.query("SELECT state FROM jobs WHERE id = ? FOR SHARE",
                rs -> rs.next() ? rs.getString(1) : null, jobId));
    }

    /** Stores the prompts; returns how many were new (the others repeat an id already stored). */
    int insert(String jobId, List<AcceptedPrompt> prompts) {
        int stored = 0;
        for (AcceptedPrompt p : prompts) {
            stored += jdbc.update("INSERT INTO stream_prompts (job_id, prompt_id, text, messages, metadata, source) "
                    + "VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (job_id, prompt_id) DO NOTHING",
                    jobId, p.id(), p.text(), p.messages() == null ? null
                            : new String(MessageCodec.encode(p.messages()), StandardCharsets.UTF_8),
                    json.write(p.metadata()), p.source());
        }
        return stored;
    }

    int waiting(String jobId) {
        return count("SELECT count(*) FROM stream_prompts WHERE job_id = ? AND round IS NULL", jobId);
    }

    /**
     * Stored prompts that no finished round trained on and that were not dropped as stale: still to be trained while
     * the job runs, dropped with it once it has ended.
     */
    int untrained(String jobId) {
        return count("SELECT count(*) FROM stream_prompts p WHERE p.job_id = ? AND NOT p.dropped AND NOT EXISTS "
                + "(SELECT 1 FROM iterations i WHERE i.job_id = p.job_id AND i.iteration = p.round "
                + "AND i.finished_at IS NOT NULL)", jobId);
    }

    /** How long the oldest prompt not yet in a round has waited (zero when none waits). */
    Duration oldestWait(String jobId) {
        Double seconds = jdbc.queryForObject("SELECT extract(epoch FROM now() - min(received_at))::float8 "
                + "FROM stream_prompts WHERE job_id = ? AND round IS NULL", Double.class, jobId);
        return seconds == null ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Puts the {@code size} oldest waiting prompts into a new round; returns its number. */
    int formRound(String jobId, int size) {
        Integer last = jdbc.queryForObject("SELECT max(round) FROM stream_rounds WHERE job_id = ?", Integer.class,
                jobId);
        int round = last == null ? 0 : last + 1;
        jdbc.update("INSERT INTO stream_rounds (job_id, round, prompts) VALUES (?, ?, ?)", jobId, round, size);
        jdbc.update("UPDATE stream_prompts SET round = ? WHERE job_id = ? AND prompt_id IN (SELECT prompt_id "
                + "FROM stream_prompts WHERE job_id = ? AND round IS NULL ORDER BY seq LIMIT ?)", round, jobId, jobId,
                size);
        return round;
    }

    /** Rounds formed whose iteration has not finished: how far the trainer is behind the stream. */
    public int behind(String jobId) {
        return count("SELECT count(*) FROM stream_rounds s WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM "
                + "iterations i WHERE i.job_id = s.job_id AND i.iteration = s.round AND i.finished_at IS NOT NULL)",
                jobId);
    }

    /** The lowest formed round that has not begun, if any. */
    Integer nextUnstarted(String jobId) {
        return jdbc.queryForObject("SELECT min(round) FROM stream_rounds s WHERE s.job_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM iterations i WHERE i.job_id = s.job_id AND i.iteration = s.round)", Integer.class,
                jobId);
    }

    /** Round r's prompts, in arrival order. */
    List<RoundPrompt> prompts(String jobId, int round) {
        return jdbc.query("SELECT prompt_id, text, messages FROM stream_prompts WHERE job_id = ? AND round = ? "
                + "ORDER BY seq", StreamPromptRepository::roundPrompt, jobId, round);
    }

    /** The prompt of round r with this id, if it belongs to that round. */
    Optional<RoundPrompt> prompt(String jobId, int round, String promptId) {
        return jdbc.query("SELECT prompt_id, text, messages FROM stream_prompts WHERE job_id = ? AND round = ? "
                + "AND prompt_id = ?", StreamPromptRepository::roundPrompt, jobId, round, promptId).stream()
                .findFirst();
    }

    /** How many prompts round r holds. */
    int roundSize(String jobId, int round) {
        return count("SELECT count(*) FROM stream_prompts WHERE job_id = ? AND round = ?", jobId, round);
    }

    private static RoundPrompt roundPrompt(ResultSet rs, int row) throws SQLException {
        return new RoundPrompt(rs.getString("prompt_id"), rs.getString("text"), messages(rs.getString("messages")));
    }

    private static List<StreamMessage> messages(String json) {
        return json == null ? null
                : List.of(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), StreamMessage[].class));
    }

    /** Round r's prompts that were not dropped and have no stored result yet. */
    List<String> unanswered(String jobId, int round) {
        return jdbc.queryForList("SELECT p.prompt_id FROM stream_prompts p WHERE p.job_id = ? AND p.round = ? "
                + "AND NOT p.dropped AND NOT EXISTS (SELECT 1 FROM prompt_results r WHERE r.job_id = p.job_id "
                + "AND r.iteration = p.round AND r.prompt_id = p.prompt_id) ORDER BY p.seq", String.class, jobId,
                round);
    }

    int regenerations(String jobId, String promptId) {
        return count("SELECT regenerations FROM stream_prompts WHERE job_id = ? AND prompt_id = ?", jobId, promptId);
    }

    /** Counts one regeneration of a prompt whose responses were stale. */
    void regenerated(String jobId, String promptId) {
        jdbc.update("UPDATE stream_prompts SET regenerations = regenerations + 1 WHERE job_id = ? AND prompt_id = ?",
                jobId, promptId);
    }

    /** Leaves a prompt out of its round; false when it was already dropped. */
    boolean drop(String jobId, String promptId) {
        return jdbc.update("UPDATE stream_prompts SET dropped = true WHERE job_id = ? AND prompt_id = ? AND NOT dropped",
                jobId, promptId) == 1;
    }

    boolean isDropped(String jobId, String promptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT dropped FROM stream_prompts WHERE job_id = ? "
                + "AND prompt_id = ?", Boolean.class, jobId, promptId));
    }

    /** Round r's prompts that are settled: answered with fresh responses, or dropped. */
    int settled(String jobId, int round) {
        return count("SELECT count(*) FROM stream_prompts p WHERE p.job_id = ? AND p.round = ? AND (p.dropped OR "
                + "EXISTS (SELECT 1 FROM prompt_results r WHERE r.job_id = p.job_id AND r.iteration = p.round "
                + "AND r.prompt_id = p.prompt_id))", jobId, round);
    }

    /** Per round: prompts, dropped prompts, regenerations and when it formed; for the continuous view. */
    List<RoundStats> roundStats(String jobId) {
        return jdbc.query("SELECT s.round, s.prompts, s.formed_at, "
                + "(SELECT count(*) FROM stream_prompts p WHERE p.job_id = s.job_id AND p.round = s.round AND p.dropped)"
                + " AS dropped, (SELECT coalesce(sum(regenerations), 0) FROM stream_prompts p WHERE p.job_id = s.job_id"
                + " AND p.round = s.round) AS regenerations FROM stream_rounds s WHERE s.job_id = ? ORDER BY s.round",
                (rs, row) -> new RoundStats(rs.getInt("round"), rs.getInt("prompts"), rs.getInt("dropped"),
                        rs.getInt("regenerations"), rs.getTimestamp("formed_at").toInstant()), jobId);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.query(sql, rs -> rs.next() ? rs.getInt(1) : 0, args);
        return n == null ? 0 : n;
    }
}
