package dev.sppo.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sppo.report.ReportRow.PhaseSeconds;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a trainer-service job view ({@code GET /api/jobs/{id}}) to report rows. The job's iteration t trains
 * π_{t+1} from π_t, so its {@code metrics} become row t+1: {@code loss}, {@code winner_win_rate},
 * {@code loser_win_rate}, {@code kl}, {@code win_rate_vs_base}, {@code win_rate_vs_previous},
 * {@code task_score}, {@code exact_match} and {@code generate_seconds} (generation and preference scoring
 * together), {@code train_seconds}, {@code evaluate_seconds}. Row 0 (π_0) comes from iteration 0's
 * {@code base_task_score} and {@code base_exact_match}. Iterations that have neither trained nor evaluated
 * yet give no row.
 */
public final class JobViewRows {

    private JobViewRows() {}

    /**
     * The report source of a job view.
     *
     * @throws IllegalArgumentException naming the member that is malformed, or saying that the job has no
     *     measured iteration yet
     */
    public static ReportSource read(String json) {
        JsonObject job = JsonFields.parseObject(json);
        String title = title(job);
        List<ReportRow> rows = new ArrayList<>();
        for (JsonObject iteration : iterations(job)) {
            int t = JsonFields.integer(iteration, "iteration");
            JsonObject metrics = JsonFields.object(iteration, "metrics");
            try {
                addRows(rows, t, metrics == null ? new JsonObject() : metrics);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("iteration " + t + " metrics: " + e.getMessage(), e);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(title + " has no measured iteration yet");
        }
        return new ReportSource(title, rows);
    }

    private static void addRows(List<ReportRow> rows, int t, JsonObject m) {
        double baseScore = JsonFields.number(m, "base_task_score");
        if (t == 0 && !Double.isNaN(baseScore)) {
            rows.add(new ReportRow(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, null, baseScore,
                    JsonFields.number(m, "base_exact_match"), PhaseSeconds.UNMEASURED));
        }
        ReportRow row = new ReportRow(t + 1, JsonFields.number(m, "loss"), JsonFields.number(m, "winner_win_rate"),
                JsonFields.number(m, "loser_win_rate"), JsonFields.number(m, "kl"),
                JsonFields.winRate(m, "win_rate_vs_base"), JsonFields.winRate(m, "win_rate_vs_previous"),
                JsonFields.winRate(m, "proxy_win_rate_vs_base"),
                JsonFields.number(m, "task_score"), JsonFields.number(m, "exact_match"),
                new PhaseSeconds(JsonFields.number(m, "generate_seconds"), Double.NaN,
                        JsonFields.number(m, "train_seconds"), JsonFields.number(m, "evaluate_seconds")));
        if (!Double.isNaN(row.loss()) || !Double.isNaN(row.taskScore())) {
            rows.add(row);
        }
    }

    private static List<JsonObject> iterations(JsonObject job) {
        JsonElement iterations = job.get("iterations");
        if (iterations == null || !iterations.isJsonArray()) {
            throw new IllegalArgumentException("the job view has no \"iterations\" array");
        }
        List<JsonObject> list = new ArrayList<>();
        JsonArray array = iterations.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException("\"iterations\"[" + i + "] must be an object");
            }
            list.add(array.get(i).getAsJsonObject());
        }
        list.sort((a, b) -> Integer.compare(JsonFields.integer(a, "iteration"), JsonFields.integer(b, "iteration")));
        return list;
    }

    /** "job NAME (ID), STATE" plus the iteration and phase of a running job. */
    private static String title(JsonObject job) {
        String id = text(job, "id");
        if (id == null) {
            throw new IllegalArgumentException("the job view has no \"id\"");
        }
        String name = text(job, "name");
        String state = text(job, "state");
        StringBuilder title = new StringBuilder("job ");
        title.append(name == null ? id : name + " (" + id + ")");
        if (state != null) {
            title.append(", ").append(state);
        }
        if ("RUNNING".equals(state) && job.has("iteration") && !job.get("iteration").isJsonNull()) {
            title.append(" at iteration ").append(JsonFields.integer(job, "iteration"));
            String phase = text(job, "phase");
            if (phase != null) {
                title.append(' ').append(phase);
            }
        }
        return title.toString();
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
