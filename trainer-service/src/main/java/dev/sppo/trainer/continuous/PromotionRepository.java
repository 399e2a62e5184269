package dev.sppo.trainer.continuous;

import dev.sppo.evaluation.WinRate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code promotions} table: each round's promotion decision, and from it the serving version. */
@Repository
public class PromotionRepository {

    private final JdbcTemplate jdbc;

    public PromotionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest promoted version of the job, 0 (the base) before any promotion. */
    public int servingVersion(String jobId) {
        Integer v = jdbc.queryForObject("SELECT max(candidate_version) FROM promotions WHERE job_id = ? AND promoted",
                Integer.class, jobId);
        return v == null ? 0 : v;
    }

    /**
     * Records round r's decision once; a round redone after a restart keeps its first decision.
     *
     * @param vsServing the candidate's held-out win rate against the serving version, null when there was no
     *     candidate
     */
    void record(String jobId, int round, Integer candidate, int serving, WinRate vsServing, double threshold,
            boolean promoted, String reason) {
        jdbc.update("INSERT INTO promotions (job_id, round, candidate_version, serving_version, win_rate, "
                + "win_rate_lower, win_rate_upper, threshold, promoted, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (job_id, round) DO NOTHING", jobId, round, candidate, serving,
                vsServing == null ? null : vsServing.rate(), vsServing == null ? null : vsServing.lower(),
                vsServing == null ? null : vsServing.upper(), threshold, promoted, reason);
    }

    /** Whether round r's recorded decision promoted its candidate. */
    Optional<Boolean> promoted(String jobId, int round) {
        return jdbc.queryForList("SELECT promoted FROM promotions WHERE job_id = ? AND round = ?", Boolean.class,
                jobId, round).stream().findFirst();
    }

    /** Round → its decision. */
    Map<Integer, PromotionView> forJob(String jobId) {
        Map<Integer, PromotionView> out = new HashMap<>();
        jdbc.query("SELECT round, candidate_version, serving_version, win_rate, win_rate_lower, win_rate_upper, "
                + "threshold, promoted, reason, decided_at FROM promotions WHERE job_id = ?", rs -> {
                    out.put(rs.getInt("round"), new PromotionView((Integer) rs.getObject("candidate_version"),
                            rs.getInt("serving_version"), (Double) rs.getObject("win_rate"),
                            (Double) rs.getObject("win_rate_lower"), (Double) rs.getObject("win_rate_upper"),
                            rs.getDouble("threshold"), rs.getBoolean("promoted"), rs.getString("reason"),
                            rs.getTimestamp("decided_at").toInstant()));
                }, jobId);
        return out;
    }
}
