package dev.sppo.platform;

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
 * A real HTTP proxy in front of the trainer's store API that flips one byte of the first archive it passes on for
 * each checkpoint (and of every archive of the checkpoints it is told to), and counts the archive requests per
 * checkpoint: what a faulty network or disk would do to the
 * {@code http:} store, with the trainer's real endpoint behind it.
 */
final class CorruptingStoreProxy implements AutoCloseable {

    private static final Pattern ARCHIVE = Pattern.compile("/store/entries/([^/]+)/archive");
    private static final String KEY_HEADER = "X-Service-Key";

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> archiveRequests = new ConcurrentHashMap<>();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private volatile Predicate<String> alwaysCorrupt = id -> false;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    /** @param target the trainer's base URL */
    CorruptingStoreProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Archive requests so far, by checkpoint id. */
    Map<String, Integer> archiveRequests() {
        Map<String, Integer> counts = new TreeMap<>();
        archiveRequests.forEach((id, n) -> counts.put(id, n.get()));
        return counts;
    }

    /** From now on, every archive of a checkpoint that {@code ids} accepts goes out with a flipped byte. */
    void corruptAlways(Predicate<String> ids) {
        alwaysCorrupt = ids;
    }

    /** The checkpoints whose first archive went out with a flipped byte. */
    Set<String> corrupted() {
        return Set.copyOf(corrupted);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
                    .timeout(Duration.ofMinutes(1)).GET();
            String key = exchange.getRequestHeaders().getFirst(KEY_HEADER);
            if (key != null) {
                request.header(KEY_HEADER, key);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            Matcher archive = ARCHIVE.matcher(exchange.getRequestURI().getPath());
            if (archive.matches() && response.statusCode() == 200) {
                String id = archive.group(1);
                archiveRequests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                if (corrupted.add(id) | alwaysCorrupt.test(id)) {
                    body[body.length / 2] ^= 0x01;
                }
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
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
