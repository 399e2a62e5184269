package dev.sppo.chaos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.Digests;
import dev.sppo.perf.ProcessPlatform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a job's state straight from the platform's PostgreSQL, independent of the services under test: where it
 * is, its per-iteration metrics, how often each prompt was counted in training, and whether every recorded
 * checkpoint has its complete file.
 */
final class JobProbe {

    /** Metrics that measure time: they differ from run to run by design and are left out of the comparison. */
    private static final List<String> TIMING_SUFFIXES = List.of("_seconds", "_per_second");

    private final ProcessPlatform platform;

    JobProbe(ProcessPlatform platform) {
        this.platform = platform;
    }

    /**
     * Where a job is: its state, iteration and phase, and how many prompt results it has stored in all.
     *
     * @param state QUEUED, RUNNING, SUCCEEDED, ...
     * @param phase null until the job runs
     */
    record Position(String state, int iteration, String phase, long results) {

        boolean ended() {
            return !state.equals("QUEUED") && !state.equals("RUNNING") && !state.equals("PAUSED");
        }

        /** True once the job is past {@code fault}'s point: a later iteration or phase, or ended. */
        boolean passed(Fault fault) {
            if (ended() || iteration > fault.iteration()) {
                return true;
            }
            return iteration == fault.iteration() && phase != null
                    && Fault.JobPhase.valueOf(phase).ordinal() > fault.phase().ordinal();
        }

        boolean at(Fault fault) {
            return state.equals("RUNNING") && iteration == fault.iteration() && fault.phase().name().equals(phase);
        }
    }

    /** The job's position; empty while the database cannot be reached (it may be the one restarting). */
    Optional<Position> position(String jobId) {
        try (Connection c = platform.database(); PreparedStatement s = c.prepareStatement(
                "SELECT state, coalesce(iteration, 0), phase, (SELECT count(*) FROM prompt_results r"
                        + " WHERE r.job_id = j.id) FROM jobs j WHERE id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Position(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getLong(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    String failureReason(String jobId) throws SQLException {
        try (Connection c = platform.database();
                PreparedStatement s = c.prepareStatement("SELECT failure_reason FROM jobs WHERE id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Each iteration's metrics without the timing ones, by iteration. */
    Map<Integer, JsonObject> metrics(String jobId) throws SQLException {
        Map<Integer, JsonObject> byIteration = new TreeMap<>();
        try (Connection c = platform.database(); PreparedStatement s = c.prepareStatement(
                "SELECT iteration, metrics::text FROM iterations WHERE job_id = ? ORDER BY iteration")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byIteration.put(rs.getInt(1), withoutTimings(JsonParser.parseString(rs.getString(2))));
                }
            }
        }
        return byIteration;
    }

    private static JsonObject withoutTimings(JsonElement metrics) {
        JsonObject kept = new JsonObject();
        for (Map.Entry<String, JsonElement> e : metrics.getAsJsonObject().entrySet()) {
            if (TIMING_SUFFIXES.stream().noneMatch(e.getKey()::endsWith)) {
                kept.add(e.getKey(), e.getValue());
            }
        }
        return kept;
    }

    /** How each iteration's prompts were counted in training, summed over the iterations. */
    TrialResult.PromptCounts prompts(String jobId) throws SQLException {
        try (Connection c = platform.database(); PreparedStatement s = c.prepareStatement(
                "SELECT i.expected_prompts, count(t.prompt_id), count(DISTINCT t.prompt_id) FROM iterations i"
                        + " LEFT JOIN training_rows t ON t.job_id = i.job_id AND t.iteration = i.iteration"
                        + " WHERE i.job_id = ? GROUP BY i.iteration, i.expected_prompts")) {
            s.setString(1, jobId);
            long lost = 0;
            long duplicated = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lost += Math.max(0, rs.getLong(1) - rs.getLong(3));
                    duplicated += rs.getLong(2) - rs.getLong(3);
                }
            }
            return new TrialResult.PromptCounts(lost, duplicated, 0);
        }
    }

    /**
     * How the prompts {@code fed} to a continuous job were counted in training: each once, or reported dropped
     * (stored in no round when the job ended).
     */
    TrialResult.PromptCounts streamPrompts(String jobId, List<String> fed) throws SQLException {
        Map<String, Long> trained = new HashMap<>();
        Set<String> dropped = new HashSet<>();
        try (Connection c = platform.database()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT prompt_id, count(*) FROM training_rows WHERE job_id = ? GROUP BY prompt_id")) {
                s.setString(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        trained.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT prompt_id FROM stream_prompts WHERE job_id = ? AND round IS NULL")) {
                s.setString(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(rs.getString(1));
                    }
                }
            }
        }
        long lost = fed.stream().filter(id -> !trained.containsKey(id) && !dropped.contains(id)).count();
        long duplicated = fed.stream().mapToLong(id -> Math.max(0, trained.getOrDefault(id, 0L) - 1)).sum();
        return new TrialResult.PromptCounts(lost, duplicated, fed.stream().filter(dropped::contains).count());
    }

    /** The rounds of a continuous job that were decided (promoted or not). */
    long decidedRounds(String jobId) {
        try (Connection c = platform.database();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM promotions WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The size of the {@code model.safetensors} of the job's checkpoint {@code version}. */
    long weightsBytes(String jobId, int version) throws SQLException, IOException {
        try (Connection c = platform.database(); PreparedStatement s = c.prepareStatement(
                "SELECT uri FROM checkpoints WHERE job_id = ? AND policy_version = ?")) {
            s.setString(1, jobId);
            s.setInt(2, version);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("job " + jobId + " has no checkpoint version " + version);
                }
                return Files.size(weights(rs.getString(1)));
            }
        }
    }

    private static Path weights(String uri) {
        return Path.of(URI.create(uri)).resolve("model.safetensors");
    }

    /** Checkpoint rows whose {@code model.safetensors} is missing or does not match the recorded sha256. */
    int incompleteCheckpoints(String jobId) throws SQLException {
        int incomplete = 0;
        try (Connection c = platform.database();
                PreparedStatement s = c.prepareStatement("SELECT uri, sha256 FROM checkpoints WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Path weights = weights(rs.getString(1));
                    if (!Files.isRegularFile(weights) || !Digests.sha256(weights).equals(rs.getString(2).trim())) {
                        incomplete++;
                    }
                }
            }
        }
        return incomplete;
    }
}
