package dev.sppo.service.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.contracts.store.StoreEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The trainer's store API as the tests need it, on a real HTTP server: each entry a directory on disk, described by
 * the manifest of its files and served as a zip; the next {@code corruptNext} archives get one byte flipped, the
 * next {@code failNext} requests a 503, and every request without the key a 401.
 */
final class StoreServer implements AutoCloseable {

    static final String KEY = "store-test-key-0123456789";

    private final HttpServer server;
    private final Map<String, Path> entries = new HashMap<>();
    final Map<String, String> recordedDigests = new HashMap<>();
    final AtomicInteger archiveRequests = new AtomicInteger();
    final AtomicInteger corruptNext = new AtomicInteger();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger flipFileByteNext = new AtomicInteger();

    StoreServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/store/entries/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code dir} as entry {@code id}, with the digest of its manifest as it is now. */
    void add(String id, Path dir) {
        entries.put(id, dir);
        recordedDigests.put(id, CheckpointManifest.of(dir).digest());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().substring("/store/entries/".length()).split("/");
        Path dir = entries.get(parts[0]);
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-Service-Key"))) {
            send(exchange, 401, new byte[0]);
        } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 503, new byte[0]);
        } else if (dir == null) {
            send(exchange, 404, new byte[0]);
        } else if (parts.length == 1) {
            send(exchange, 200, MessageCodec.encode(new StoreEntry(parts[0], recordedDigests.get(parts[0]),
                    CheckpointManifest.of(dir))));
        } else {
            archiveRequests.incrementAndGet();
            byte[] zip = zip(dir, flipFileByteNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0);
            if (corruptNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                zip[zip.length / 3] ^= 0x01;
            }
            send(exchange, 200, zip);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A zip of {@code dir}'s files; with {@code flipFirstByte}, a well-formed one whose first file has it flipped. */
    static byte[] zip(Path dir, boolean flipFirstByte) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            boolean flip = flipFirstByte;
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString()));
                byte[] content = Files.readAllBytes(file);
                if (flip) {
                    content[0] ^= 0x01;
                    flip = false;
                }
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
