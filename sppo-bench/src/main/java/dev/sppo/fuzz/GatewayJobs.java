package dev.sppo.fuzz;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Jobs through the gateway, as the fuzzer needs them: submit, look at, stop, wait for the end. */
public final class GatewayJobs {

    /** A continuous job's settings: rounds larger than the fuzz sends, so that what it stores waits in its view. */
    private static final String CONTINUOUS = "{\"round_prompts\": 10000, \"max_wait_seconds\": 3600}";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FuzzTarget target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayJobs(FuzzTarget target) {
        this.target = target;
    }

    /**
     * A tiny batch job named {@code name}: 2 iterations of 8 prompts, K = 2, a 32-wide warm start just good enough
     * that sampled answers differ in quality; the fuzz checks that the consumers still finish one.
     */
    public static String tinyJob(String name) {
        return """
                {"name": "%s", "iterations": 2, "prompts_per_iteration": 8,
                 "sampling": {"k": 2, "max_new_tokens": 4},
                 "base": {"warm_start": {"hidden_size": 32, "layers": 1, "heads": 2, "demonstrations": 500, "epochs": 4,
                                         "learning_rate": 0.02}},
                 "training": {"epochs": 1, "batch_size": 4},
                 "evaluation": {"prompts": 8, "samples_per_prompt": 1}}
                """.formatted(name);
    }

    /** The tiny job as a continuous one, consuming {@code sppo.prompts} while it runs. */
    static String continuousJob(String name) {
        JsonObject job = JsonParser.parseString(tinyJob(name)).getAsJsonObject();
        job.add("continuous", JsonParser.parseString(CONTINUOUS));
        return job.toString();
    }

    /** Submits {@code config}; returns the job's id. */
    String submit(String config) throws IOException, InterruptedException {
        HttpResponse<String> created = call("POST", "/api/jobs", config);
        if (created.statusCode() != 201) {
            throw new IOException("POST /api/jobs answered " + created.statusCode() + ": " + created.body());
        }
        return JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
    }

    JsonObject get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = call("GET", path, null);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Prompts a continuous job has stored: those waiting for a round and those in its rounds. */
    long storedPrompts(String jobId) throws IOException, InterruptedException {
        JsonObject view = get("/api/jobs/" + jobId + "/continuous");
        long stored = view.has("waitingPrompts") ? view.get("waitingPrompts").getAsLong() : 0;
        if (view.has("rounds")) {
            for (JsonElement round : view.getAsJsonArray("rounds")) {
                stored += round.getAsJsonObject().get("prompts").getAsLong();
            }
        }
        return stored;
    }

    void post(String path) throws IOException, InterruptedException {
        call("POST", path, null);
    }

    /** Waits until no preference model is QUEUED or RUNNING, or {@code timeout} passes. */
    void awaitPreferenceModelsIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busyPreferenceModels() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
    }

    private long busyPreferenceModels() throws IOException, InterruptedException {
        HttpResponse<String> runs = call("GET", "/api/preference-models", null);
        if (runs.statusCode() != 200) {
            throw new IOException("GET /api/preference-models answered " + runs.statusCode() + ": " + runs.body());
        }
        long busy = 0;
        for (JsonElement run : JsonParser.parseString(runs.body()).getAsJsonArray()) {
            String state = run.getAsJsonObject().get("state").getAsString();
            busy += state.equals("QUEUED") || state.equals("RUNNING") ? 1 : 0;
        }
        return busy;
    }

    /** Polls the job until it is terminal or {@code timeout} passes; returns its last state. */
    String awaitTerminal(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = get("/api/jobs/" + id).get("state").getAsString();
        while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            state = get("/api/jobs/" + id).get("state").getAsString();
        }
        return state;
    }

    private HttpResponse<String> call(String method, String path, String body) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(target.uri(path)).timeout(TIMEOUT)
                .header("X-API-Key", target.apiKey()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
