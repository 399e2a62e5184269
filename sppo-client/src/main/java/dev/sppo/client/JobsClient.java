package dev.sppo.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The job API as a user reaches it: HTTP through the gateway with an {@code X-API-Key}. Submits a job
 * ({@code POST /api/jobs}), reads its view ({@code GET /api/jobs/{id}}) and lists the unfinished ones
 * ({@code GET /api/jobs}).
 */
public final class JobsClient {

    /** The states a job never leaves. */
    public static final List<String> TERMINAL_STATES = List.of("SUCCEEDED", "FAILED", "CANCELLED");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String apiKey;

    /**
     * @param gateway the gateway's root, such as {@code http://localhost:8080/}
     * @param apiKey the key the gateway accepts
     */
    public JobsClient(URI gateway, String apiKey) {
        this.base = gateway;
        this.apiKey = apiKey;
    }

    /**
     * Submits a job.
     *
     * @param body the config tree plus an optional {@code name}, as JSON
     * @return the new job's id
     * @throws IllegalArgumentException naming every field the service refused (HTTP 400)
     * @throws IOException when the gateway cannot be reached or answers anything but 201 or 400
     */
    public String submit(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("api/jobs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException("the job was refused: " + String.join("; ", problems(response)));
        }
        return expect(201, response).getAsJsonObject().get("id").getAsString();
    }

    /** The job with its iterations, metrics and checkpoints. */
    public JsonObject job(String id) throws IOException, InterruptedException {
        return expect(200, send(request("api/jobs/" + id).GET().build())).getAsJsonObject();
    }

    /** The ids of the jobs still QUEUED or RUNNING (the newest first). */
    public List<String> activeJobIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonElement element : expect(200, send(request("api/jobs").GET().build())).getAsJsonArray()) {
            JsonObject job = element.getAsJsonObject();
            if (!TERMINAL_STATES.contains(job.get("state").getAsString())) {
                ids.add(job.get("id").getAsString());
            }
        }
        return ids;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("X-API-Key", apiKey);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonElement expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + ": HTTP "
                    + response.statusCode() + ": " + String.join("; ", problems(response)));
        }
        return JsonParser.parseString(response.body());
    }

    /** The {@code field: message} list of a problem body, or its detail, or the raw body. */
    private static List<String> problems(HttpResponse<String> response) {
        List<String> lines = new ArrayList<>();
        try {
            JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
            if (problem.has("errors")) {
                for (JsonElement error : problem.getAsJsonArray("errors")) {
                    JsonObject e = error.getAsJsonObject();
                    lines.add(e.get("field").getAsString() + ": " + e.get("message").getAsString());
                }
            } else if (problem.has("detail")) {
                lines.add(problem.get("detail").getAsString());
            }
        } catch (JsonParseException | IllegalStateException e) {
            lines.add(response.body().strip());
        }
        return lines.isEmpty() ? List.of(response.body().strip()) : lines;
    }
}
