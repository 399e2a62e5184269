package dev.sppo.report;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a job view from the platform's gateway: {@code GET <gateway>/api/jobs/{id}} with the
 * {@code X-API-Key} header.
 */
public final class GatewayJobs {

    /** The gateway of {@code docker compose up} and {@code ./sppo demo}. */
    public static final String DEFAULT_GATEWAY = "http://localhost:8080";
    /** The API key the platform accepts unless {@code SPPO_API_KEYS} says otherwise. */
    public static final String DEFAULT_API_KEY = "dev-key";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI gateway;
    private final String apiKey;
    private final HttpClient http;

    /**
     * @param gateway the gateway's base URL, e.g. {@value #DEFAULT_GATEWAY}
     * @param apiKey one of the keys in the gateway's {@code SPPO_API_KEYS}
     * @throws IllegalArgumentException when {@code gateway} is not an http(s) URL or the key is blank
     */
    public GatewayJobs(String gateway, String apiKey) {
        this.gateway = baseUrl(gateway);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key must not be blank");
        }
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * The report source of job {@code id}.
     *
     * @throws IllegalArgumentException when the job does not exist or the key is refused
     * @throws IOException when the gateway cannot be reached or answers with another error
     */
    public ReportSource job(String id) throws IOException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the job id must not be blank");
        }
        URI uri = gateway.resolve("api/jobs/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpResponse<String> response = get(uri);
        int status = response.statusCode();
        if (status == 200) {
            try {
                return JobViewRows.read(response.body());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("job " + id + " at " + gateway + ": " + e.getMessage(), e);
            }
        }
        String problem = problemDetail(response.body());
        if (status == 404) {
            throw new IllegalArgumentException("no job " + id + " at " + gateway + " (404" + problem + ")");
        }
        if (status == 401 || status == 403) {
            throw new IllegalArgumentException("the gateway at " + gateway + " refused the API key (" + status
                    + problem + "); pass one of its SPPO_API_KEYS with --api-key");
        }
        throw new IOException("GET " + uri + " answered " + status + problem);
    }

    private HttpResponse<String> get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("X-API-Key", apiKey)
                .header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IOException("cannot reach the gateway at " + gateway + " (" + reason(e)
                    + "); is the platform running (docker compose up, or ./sppo demo)?", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("the gateway at " + gateway + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + uri);
        }
    }

    /** ": detail" of an RFC 9457 problem body (or its title), or "" when the body has neither. */
    private static String problemDetail(String body) {
        JsonObject problem;
        try {
            problem = JsonFields.parseObject(body);
        } catch (IllegalArgumentException notJson) {
            return "";
        }
        for (String member : new String[] {"detail", "title"}) {
            if (problem.has(member) && problem.get(member).isJsonPrimitive()) {
                return ": " + problem.get(member).getAsString();
            }
        }
        return "";
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
