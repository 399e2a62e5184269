package dev.sppo.perf;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sppo.bench.IterationJob;
import dev.sppo.client.JobsClient;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link IterationJob} through the gateway as a user would ({@code POST /api/jobs}, then {@code GET
 * /api/jobs/{id}} every {@value #POLL_MILLIS} ms until it ends) and reads its phase times from the iterations'
 * metrics ({@code generate_seconds}, {@code train_seconds}, {@code evaluate_seconds}).
 */
final class PlatformJob {

    private static final long POLL_MILLIS = 100;
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final List<String> TERMINAL = List.of("SUCCEEDED", "FAILED", "CANCELLED");

    private PlatformJob() {}

    /**
     * @throws IOException if the job does not succeed within {@link #LIMIT}, naming its state and reason
     */
    /**
     * @param split the phase times
     * @param stages when each stage had handled every prompt
     */
    record Result(PhaseSplit split, StageTimes stages) {}

    static Result run(JobsClient jobs, TopicCounter topics, String name, IterationJob job)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(job.tree());
        body.put("name", name);
        StageClock stages = new StageClock(topics.counts(), job.prompts());
        String id = jobs.submit(new Gson().toJson(body));
        long deadline = stages.start() + LIMIT.toNanos();
        JsonObject view = jobs.job(id);
        while (!TERMINAL.contains(view.get("state").getAsString())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("job " + name + " (" + id + ") did not finish within " + LIMIT.toMinutes()
                        + " min; it is " + view.get("state").getAsString());
            }
            Thread.sleep(POLL_MILLIS);
            stages.observe(topics.counts(), received(view));
            view = jobs.job(id);
        }
        double seconds = (System.nanoTime() - stages.start()) / 1e9;
        if (!view.get("state").getAsString().equals("SUCCEEDED")) {
            throw new IOException("job " + name + " (" + id + ") ended " + view.get("state").getAsString() + ": "
                    + view.get("failureReason"));
        }
        return new Result(split(view, seconds), stages.times());
    }

    /** Prompts the trainer has stored for the job's first iteration (0 before it begins). */
    private static int received(JsonObject view) {
        for (JsonElement element : view.getAsJsonArray("iterations")) {
            JsonObject iteration = element.getAsJsonObject();
            if (iteration.get("iteration").getAsInt() == 0) {
                return iteration.get("receivedPrompts").getAsInt();
            }
        }
        return 0;
    }

    /** The phase seconds summed over the job's iterations. */
    static PhaseSplit split(JsonObject view, double endToEnd) {
        double generate = 0;
        double train = 0;
        double evaluate = 0;
        for (JsonElement element : view.getAsJsonArray("iterations")) {
            JsonObject metrics = element.getAsJsonObject().getAsJsonObject("metrics");
            generate += seconds(metrics, "generate_seconds");
            train += seconds(metrics, "train_seconds");
            evaluate += seconds(metrics, "evaluate_seconds");
        }
        return new PhaseSplit(endToEnd, generate, train, evaluate);
    }

    private static double seconds(JsonObject metrics, String key) {
        if (metrics == null || !metrics.has(key) || metrics.get(key).isJsonNull()) {
            throw new IllegalArgumentException("the job's iteration metrics have no " + key);
        }
        return metrics.get(key).getAsDouble();
    }
}
