package dev.sppo.trainer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.service.auth.Caller;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A trainer-service instance on a random port, against the shared test broker and a given database; requests carry
 * the service key {@value #SERVICE_KEY} unless told otherwise.
 */
final class TrainerApp implements AutoCloseable {

    static final String SERVICE_KEY = "trainer-test-service-key";

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private TrainerApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Starts an instance; instances sharing {@code group} share the {@code sppo.preferences} and {@code sppo.audit}
     * partitions.
     */
    static TrainerApp start(String jdbcUrl, Path checkpointDir, String group, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.brokers(),
                "--spring.cloud.stream.bindings.preferences-in-0.group=" + group,
                "--spring.cloud.stream.bindings.audit-in-0.group=" + group + "-audit",
                "--sppo.trainer.checkpoint-dir=" + checkpointDir,
                "--sppo.trainer.shutdown-timeout=20s",
                "--sppo.service.key=" + SERVICE_KEY));
        args.addAll(List.of(extra));
        return new TrainerApp(new SpringApplicationBuilder(TrainerServiceApplication.class)
                .properties(TrainerServiceApplication.CONFIG).run(args.toArray(String[]::new)));
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** The instance's component of this type, for tests that drive one component directly. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    HttpResponse<String> get(String path) {
        return get(path, SERVICE_KEY);
    }

    /** A GET with {@code serviceKey} in {@code X-Service-Key}, or without that header when it is null. */
    HttpResponse<String> get(String path, String serviceKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (serviceKey != null) {
            request.header("X-Service-Key", serviceKey);
        }
        return send(request.build());
    }

    /** A request with the service key, acting for {@code caller} as the gateway names it. */
    HttpResponse<String> as(Caller caller, String method, String path) {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (caller.name() != null) {
            request.header(Caller.USER_HEADER, caller.name())
                    .header(Caller.ROLE_HEADER, caller.admin() ? Caller.ADMIN_ROLE : Caller.USER_ROLE);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POSTs {@code body} as the request body with its length declared ({@code Content-Length}). */
    HttpResponse<String> upload(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POSTs {@code body} as the request body without declaring its length (chunked), as a stream is sent. */
    HttpResponse<String> uploadChunked(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a job and returns its id; the submission must succeed. */
    String submit(String json) {
        HttpResponse<String> response = post("/jobs", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("submit returned " + response.statusCode() + ": " + response.body());
        }
        return object(response.body()).get("id").getAsString();
    }

    JsonObject job(String id) {
        return object(get("/jobs/" + id).body());
    }

    boolean isFinished(String id) {
        return TERMINAL.contains(job(id).get("state").getAsString());
    }

    /** Waits until {@code sql} (one integer) reaches {@code expected}. */
    void awaitCount(String sql, int expected, Duration timeout, Object... args) {
        Instant deadline = Instant.now().plus(timeout);
        while (count(sql, args) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + expected + " from " + sql + ", got "
                        + count(sql, args));
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** The value of one Prometheus sample, such as {@code name{label="x"}}; 0 when it is not exported yet. */
    double metric(String sample) {
        return get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    int count(String sql, Object... args) {
        Integer n = jdbc().queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static JsonArray array(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Service-Key", SERVICE_KEY);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
