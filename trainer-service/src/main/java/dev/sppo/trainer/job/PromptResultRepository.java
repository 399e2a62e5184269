package dev.sppo.trainer.job;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code prompt_results} table: each prompt's scored responses, stored once per (job, iteration, prompt). */
@Repository
public class PromptResultRepository {

    /** Rows per statement of {@link #insertAll}: 4 parameters each, well under PostgreSQL's 65,535. */
    static final int ROWS_PER_INSERT = 1000;

    private final JdbcTemplate jdbc;

    public PromptResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a result; false when the prompt already has one (a duplicate or a redelivery). */
    public boolean insert(String jobId, int t, String promptId, String payloadJson) {
        return jdbc.update("INSERT INTO prompt_results (job_id, iteration, prompt_id, payload) "
                + "VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (job_id, iteration, prompt_id) DO NOTHING",
                jobId, t, promptId, payloadJson) == 1;
    }

    /**
     * Stores many results in one statement (and so one commit), each unless its prompt already has one.
     *
     * @return the {@link PromptResult#key keys} stored; a result whose key is not among them was a duplicate (of a
     *     stored result, or of one before it in {@code results})
     */
    public Set<String> insertAll(List<PromptResult> results) {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < results.size(); from += ROWS_PER_INSERT) {
            List<PromptResult> chunk = results.subList(from, Math.min(results.size(), from + ROWS_PER_INSERT));
            Object[] args = new Object[4 * chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                PromptResult r = chunk.get(i);
                args[4 * i] = r.jobId();
                args[4 * i + 1] = r.iteration();
                args[4 * i + 2] = r.promptId();
                args[4 * i + 3] = r.payloadJson();
            }
            jdbc.query("INSERT INTO prompt_results (job_id, iteration, prompt_id, payload) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?::jsonb)"))
                    + " ON CONFLICT (job_id, iteration, prompt_id) DO NOTHING RETURNING job_id, iteration, prompt_id",
                    rs -> {
                        stored.add(PromptResult.key(rs.getString(1), rs.getInt(2), rs.getString(3)));
                    }, args);
        }
        return stored;
    }

    public int count(String jobId, int t) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM prompt_results WHERE job_id = ? AND iteration = ?",
                Integer.class, jobId, t);
        return n == null ? 0 : n;
    }

    /** When the iteration's latest answer was stored, if any was. */
    public Optional<Instant> lastAnswer(String jobId, int t) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(created_at) FROM prompt_results WHERE job_id = ? AND iteration = ?",
                (rs, row) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), jobId, t));
    }

    public Set<String> promptIds(String jobId, int t) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT prompt_id FROM prompt_results WHERE job_id = ? AND iteration = ?", String.class, jobId, t));
    }

    /** Prompt id → the stored ScoredPrompt JSON. */
    public Map<String, String> payloads(String jobId, int t) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT prompt_id, payload::text AS payload FROM prompt_results WHERE job_id = ? AND iteration = ?",
                rs -> {
                    out.put(rs.getString("prompt_id"), rs.getString("payload"));
                }, jobId, t);
        return out;
    }
}
