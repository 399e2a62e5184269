package dev.sppo.service.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: S3Proxy (the S3 API over a local directory, jclouds' filesystem provider)
 * in its own JVM, started from the self-contained jar the build copies to {@code target/s3proxy/s3proxy.jar}
 * (system property {@value #JAR_PROPERTY}), on a free loopback port, asking for AWS signatures (v2 or v4) with
 * {@link #ACCESS_KEY} and {@link #SECRET_KEY}. Bucket {@code b} is the directory {@code <data>/b} and object
 * {@code k} the file {@code <data>/b/k}, which a test may change behind the server's back.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The system property naming S3Proxy's jar. */
    public static final String JAR_PROPERTY = "sppo.test.s3proxy-jar";
    public static final String ACCESS_KEY = "sppo-test-access";
    public static final String SECRET_KEY = "sppo-test-secret-0123456789";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path data;
    private final Process process;
    private final int port;

    private S3ProxyServer(Path data, Process process, int port) {
        this.data = data;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server over {@code <dir>/data}, its settings and log in {@code dir}, with one empty bucket per name.
     *
     * @throws IllegalStateException naming the jar property, or the log, when the server does not come up
     */
    public static S3ProxyServer start(Path dir, List<String> buckets) throws IOException, InterruptedException {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no S3Proxy jar at system property " + JAR_PROPERTY + " (" + jar
                    + "): the module's build copies it with the maven-dependency-plugin's s3proxy-jar execution");
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String bucket : buckets) {
            Files.createDirectories(data.resolve(bucket));
        }
        int port = freePort();
        Path settings = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data.toAbsolutePath()) + "\n");
        Path log = dir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--properties", settings.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyServer server = new S3ProxyServer(data, process, port);
        server.awaitListening(log);
        return server;
    }

    /** The endpoint, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The file that holds object {@code key} of {@code bucket}. */
    public Path objectFile(String bucket, String key) {
        return data.resolve(bucket).resolve(key);
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + START_TIMEOUT
                + ":\n" + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
