package dev.sppo.platform;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sppo.contracts.Topics;
import dev.sppo.embedded.FreePorts;
import dev.sppo.fuzz.GatewayJobs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * A real KRaft broker (every topic with 2 partitions, so that two generator replicas share the work), a real
 * PostgreSQL and the four services in this JVM, reached as a user would: HTTP through the gateway.
 */
final class PlatformHarness implements AutoCloseable {

    static final String API_KEY = "it-key";
    private static final String GENERATOR_GROUP = "generator";
    private static final int AWAIT_MINUTES = 4;

    final EmbeddedKafkaKraftBroker kafka;
    final EmbeddedPostgres postgres;
    final EmbeddedPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PlatformHarness(Path checkpoints, int generatorReplicas) throws IOException {
        this(checkpoints, generatorReplicas, FreePorts.next(), ExtraSettings.NONE);
    }

    /** A platform whose trainer listens on {@code trainerPort}, with {@code extra} settings for some services. */
    PlatformHarness(Path checkpoints, int generatorReplicas, int trainerPort, ExtraSettings extra) throws IOException {
        kafka = new EmbeddedKafkaKraftBroker(1, 2, Topics.GENERATION_REQUESTS, Topics.RESPONSES, Topics.PREFERENCES,
                Topics.CHECKPOINTS, Topics.JOB_EVENTS, Topics.PROMPTS, Topics.deadLetter(Topics.PROMPTS));
        kafka.afterPropertiesSet();
        postgres = EmbeddedPostgres.builder().start();
        platform = EmbeddedPlatform.start(new PlatformSettings(kafka.getBrokersAsString(),
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", checkpoints,
                new ServiceSettings(0, 0, 0, trainerPort, generatorReplicas, API_KEY)), extra);
        awaitPartitionsAssigned(GENERATOR_GROUP, generatorReplicas, Duration.ofSeconds(60));
    }

    /**
     * Waits until {@code members} consumers of {@code group} each own a partition: a job submitted earlier could
     * be answered entirely by the first replica while the group is still rebalancing.
     */
    private void awaitPartitionsAssigned(String group, int members, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                        .get();
                if (d.members().size() == members && d.members().stream()
                        .allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (ExecutionException e) {
            throw new IOException("could not describe consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        throw new IOException("consumer group " + group + " did not give " + members + " members a partition within "
                + timeout);
    }

    HttpResponse<String> call(String method, String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + platform.gatewayPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} from one backend directly, on the loopback address, with {@code serviceKey} unless null. */
    HttpResponse<String> callBackend(ConfigurableApplicationContext service, String path, String serviceKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ServiceContexts.port(service) + path)).timeout(Duration.ofSeconds(30));
        if (serviceKey != null) {
            request.header("X-Service-Key", serviceKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The address a service's HTTP connector is bound to, as Tomcat bound it. */
    static InetAddress boundAddress(ConfigurableApplicationContext service) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) service).getWebServer();
        return ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler()).getAddress();
    }

    /** POSTs {@code body} through the gateway as it is, streamed without a declared length (as {@code curl -T} does). */
    HttpResponse<String> upload(String path, String contentType, byte[] body) throws Exception {
        return upload(path, contentType, body, API_KEY);
    }

    /** {@link #upload(String, String, byte[])} with {@code apiKey}. */
    HttpResponse<String> upload(String path, String contentType, byte[] body, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + platform.gatewayPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject job(String id) throws Exception {
        return JsonParser.parseString(call("GET", "/api/jobs/" + id, null, API_KEY).body()).getAsJsonObject();
    }

    /** Polls the job through the gateway until it reaches a terminal state, and returns that view. */
    JsonObject awaitTerminal(String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject job = job(id);
            String state = job.get("state").getAsString();
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state)) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + id + " did not finish within " + timeout + ": " + job(id));
    }

    /** Polls {@code condition} every 250 ms until it holds; fails after {@value #AWAIT_MINUTES} minutes. */
    void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(AWAIT_MINUTES).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    List<List<Object>> query(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    long count(String sql) throws SQLException {
        return ((Number) query(sql).get(0).get(0)).longValue();
    }

    /**
     * A tiny job: 2 iterations of 8 prompts, K = 2, a 32-wide warm start just good enough that sampled answers
     * differ in quality (with fewer demonstrations every answer scores 0 and there is nothing to prefer).
     */
    static String tinyJob(String name) {
        return GatewayJobs.tinyJob(name);
    }

    @Override
    public void close() throws IOException {
        platform.close();
        kafka.destroy();
        postgres.close();
    }
}
