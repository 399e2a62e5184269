package dev.sppo.client;

import com.google.gson.JsonParser;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.job.JobSummary;
import dev.sppo.contracts.job.JobView;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The job API as a user reaches it: HTTP through the gateway with an {@code X-API-Key}. Submits a job
 * ({@code POST /api/jobs}), reads its view ({@code GET /api/jobs/{id}}), lists jobs ({@code GET /api/jobs})
 * and follows one until it ends. Refusals carry the gateway's problem body ({@link Problem}).
 */
public final class JobsClient {

    /** The gateway of {@code docker compose up} and {@code ./sppo demo}. */
    public static final String DEFAULT_GATEWAY = "http://localhost:8080";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final URI gateway;
    private final String apiKey;

    /**
     * @param gateway the gateway's root URL, e.g. {@value #DEFAULT_GATEWAY}
     * @param apiKey a key the gateway accepts (one of its {@code SPPO_API_KEYS}, or a key of one of its
     *     {@code sppo.gateway.users}): the client sees and acts on that user's jobs, or every job for an admin
     * @throws IllegalArgumentException when {@code gateway} is not an http(s) URL or the key is blank
     */
    public JobsClient(String gateway, String apiKey) {
        this.gateway = baseUrl(gateway);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key must not be blank");
        }
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
        HttpResponse<String> response = send(request("api/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() == 400) {
            List<String> problems = Problem.of(response.body()).lines();
            throw new IllegalArgumentException("the job was refused: "
                    + (problems.isEmpty() ? response.body().strip() : String.join("; ", problems)));
        }
        return decode(expect(201, response), JobView.class).id();
    }

    /**
     * Uploads a prompt dataset ({@code POST /api/datasets}), which a job then names as {@code prompts.dataset}.
     *
     * @param name the dataset's name
     * @param file a JSONL (or CSV) prompt file, sent as it is
     * @return the new dataset's id
     * @throws IllegalArgumentException naming what the trainer refused in the file (HTTP 400)
     * @throws IOException when the file cannot be read or the gateway answers anything but 201 or 400
     */
    public String uploadDataset(String name, Path file) throws IOException, InterruptedException {
        String query = "api/datasets?name=" + pathSegment(name) + "&file_name=" + pathSegment(
                file.getFileName().toString());
        HttpResponse<String> response = send(request(query).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException("the dataset " + file + " was refused: "
                    + String.join("; ", Problem.of(response.body()).lines()));
        }
        return JsonParser.parseString(expect(201, response)).getAsJsonObject().get("id").getAsString();
    }

    /**
     * The job with its iterations, metrics and checkpoints.
     *
     * @throws IllegalArgumentException when the job does not exist, the key is refused or the answer is not a
     *     job view
     * @throws IOException when the gateway cannot be reached or answers with another error
     */
    public JobView job(String id) throws IOException, InterruptedException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the job id must not be blank");
        }
        HttpResponse<String> response = send(request("api/jobs/" + pathSegment(id)).GET().build());
        if (response.statusCode() == 404) {
            throw new IllegalArgumentException("no job " + id + " at " + gateway + " (404"
                    + Problem.of(response.body()).suffix() + ")");
        }
        try {
            return decode(expect(200, response), JobView.class);
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException("job " + id + " at " + gateway + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a continuous job ({@code POST /api/jobs/{id}/stop}): it takes no more prompts and ends SUCCEEDED.
     *
     * @return the job as it is after the stop
     * @throws IllegalArgumentException when the job does not exist or is not the key's
     * @throws IOException when the gateway cannot be reached or answers with another error (409 for a batch job)
     */
    public JobView stop(String id) throws IOException, InterruptedException {
        return act(id, "stop");
    }

    /**
     * Cancels a job ({@code POST /api/jobs/{id}/cancel}): it ends CANCELLED and its in-flight messages are ignored.
     *
     * @return the job as it is after the cancel
     * @throws IllegalArgumentException when the job does not exist or is not the key's
     * @throws IOException when the gateway cannot be reached or answers with another error (409 for a job that has
     *     already ended)
     */
    public JobView cancel(String id) throws IOException, InterruptedException {
        return act(id, "cancel");
    }

    private JobView act(String id, String action) throws IOException, InterruptedException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the job id must not be blank");
        }
        HttpResponse<String> response = send(request("api/jobs/" + pathSegment(id) + "/" + action)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() == 404) {
            throw new IllegalArgumentException("no job " + id + " at " + gateway + " (404"
                    + Problem.of(response.body()).suffix() + ")");
        }
        return decode(expect(200, response), JobView.class);
    }

    /** The newest jobs first, as many as the trainer lists. */
    public List<JobSummary> list() throws IOException, InterruptedException {
        return List.of(decode(expect(200, send(request("api/jobs").GET().build())), JobSummary[].class));
    }

    /**
     * Reads the job every {@code interval} until it ends, handing each reading (the last one included) to
     * {@code watcher}.
     *
     * @return the job as it ended
     */
    public JobView follow(String id, Duration interval, JobWatcher watcher) throws IOException, InterruptedException {
        while (true) {
            JobView job = job(id);
            watcher.seen(job);
            if (job.ended()) {
                return job;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(REQUEST_TIMEOUT).header("X-API-Key", apiKey)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IOException("cannot reach the gateway at " + gateway + " (" + reason(e)
                    + "); is the platform running (docker compose up, or ./sppo demo)?", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("the gateway at " + gateway + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /**
     * The body of a response with the {@code expected} status.
     *
     * @throws IllegalArgumentException when the gateway refuses the API key (401, 403)
     * @throws IOException for any other status
     */
    private String expect(int expected, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        if (status == expected) {
            return response.body();
        }
        String problem = Problem.of(response.body()).suffix();
        if (status == 401 || status == 403) {
            throw new IllegalArgumentException("the gateway at " + gateway + " refused the API key (" + status
                    + problem + "); pass a key it accepts (one of its SPPO_API_KEYS or a user's key of "
                    + "sppo.gateway.users) with --api-key");
        }
        throw new IOException(response.request().method() + " " + response.uri() + " answered " + status + problem);
    }

    private static <T> T decode(String body, Class<T> type) {
        return MessageCodec.decode(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "connection refused" : e.getMessage();
    }

    private static URI baseUrl(String gateway) {
        URI uri;
        try {
            uri = URI.create(gateway.endsWith("/") ? gateway : gateway + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the gateway must be an http(s) URL, got " + gateway);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the gateway must be an http(s) URL, got " + gateway);
        }
        return uri;
    }
}
