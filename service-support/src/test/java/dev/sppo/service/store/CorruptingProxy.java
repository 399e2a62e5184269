package dev.sppo.service.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP proxy in front of a checkpoint store (the trainer's store API, or an S3-compatible server) that flips
 * one byte of the first response it passes on for each checkpoint (and of every response for the checkpoints it is
 * told to), and counts those requests per checkpoint: what a faulty network or disk would do to a reader, with the
 * real store behind it. Which GET responses carry checkpoint bytes, and for which checkpoint, says a pattern whose
 * first group is the checkpoint id ({@link #ARCHIVES}, {@link #objects}). Requests go on with their headers, the Host
 * header included, so that an S3 request's signature still holds; that needs the JVM property
 * {@code jdk.httpclient.allowRestrictedHeaders=host}.
 */
public final class CorruptingProxy implements AutoCloseable {

    /** The archives of the trainer's store API. */
    public static final Pattern ARCHIVES = Pattern.compile("/store/entries/([^/]+)/archive");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final URI target;
    private final Pattern checkpointBytes;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private volatile Predicate<String> alwaysCorrupt = id -> false;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    /**
     * @param target the store's base URL
     * @param checkpointBytes the paths of responses that carry a checkpoint's bytes, its id the first group
     */
    public CorruptingProxy(URI target, Pattern checkpointBytes) throws IOException {
        this.target = target;
        this.checkpointBytes = checkpointBytes;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    /** The files of checkpoints under {@code prefix} in path-style {@code bucket} of an S3 store. */
    public static Pattern objects(String bucket, String prefix) {
        return Pattern.compile("/" + Pattern.quote(bucket) + "/" + Pattern.quote(prefix) + "/([^/]+)/files/.+");
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests for checkpoint bytes so far, by checkpoint id. */
    public Map<String, Integer> requests() {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach((id, n) -> counts.put(id, n.get()));
        return counts;
    }

    /** From now on, every response of a checkpoint that {@code ids} accepts goes out with a flipped byte. */
    public void corruptAlways(Predicate<String> ids) {
        alwaysCorrupt = ids;
    }

    /** The checkpoints whose first response went out with a flipped byte. */
    public Set<String> corrupted() {
        return Set.copyOf(corrupted);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))).timeout(Duration.ofMinutes(1))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            Matcher bytes = checkpointBytes.matcher(uri.getPath());
            if ("GET".equals(exchange.getRequestMethod()) && bytes.matches() && response.statusCode() == 200
                    && body.length > 0) {
                String id = bytes.group(1);
                requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                if (corrupted.add(id) | alwaysCorrupt.test(id)) {
                    body[body.length / 2] ^= 0x01;
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 || head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
