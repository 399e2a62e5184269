package dev.sppo.trainer.job;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/** The {@code training_rows} table: which prompts an iteration's training run read. */
@Repository
public class TrainingRowRepository {

    private final JdbcTemplate jdbc;

    public TrainingRowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records prompt id → responses it contributed; a redone training run records the same rows once. */
    public void record(String jobId, int t, Map<String, Integer> responsesPerPrompt) {
        List<Object[]> args = responsesPerPrompt.entrySet().stream()
                .map(e -> new Object[] {jobId, t, e.getKey(), e.getValue()}).toList();
        jdbc.batchUpdate("INSERT INTO training_rows (job_id, iteration, prompt_id, responses) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (job_id, iteration, prompt_id) DO NOTHING", args);
    }
}
