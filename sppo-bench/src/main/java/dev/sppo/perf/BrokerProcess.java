package dev.sppo.perf;

import dev.sppo.embedded.EmbeddedKafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The platform's Kafka broker as an OS process of its own ({@link EmbeddedKafka} in a JVM started on this JVM's
 * classes, {@link JavaMain}), the way a real broker runs apart from its clients, so that it can be stopped
 * (SIGTERM: a controlled shutdown) or killed ({@code kill -9}: no flush, no clean-shutdown marker; the next start
 * recovers its logs) and started again on the same log directory and ports. It is ready once its client port
 * accepts connections, which Kafka opens when its startup has ended.
 */
final class BrokerProcess implements AutoCloseable {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String HOST = "127.0.0.1";

    private final ProcessBuilder builder;
    private final int port;
    private final Path log;
    private Process process;

    private BrokerProcess(ProcessBuilder builder, int port, Path log) {
        this.builder = builder;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the broker on {@code dir} (formatted on the first start) and waits until it accepts clients.
     *
     * @param log where its output goes (appended to)
     */
    static BrokerProcess start(Path dir, int port, int controllerPort, int partitions, Path log)
            throws IOException, InterruptedException {
        List<String> command = JavaMain.command(JVM_OPTIONS, BrokerProcess.class, List.of(
                dir.toAbsolutePath().toString(), Integer.toString(port), Integer.toString(controllerPort),
                Integer.toString(partitions)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        BrokerProcess broker = new BrokerProcess(builder, port, log);
        broker.startAgain();
        return broker;
    }

    /** Starts the stopped or killed broker again on its directory and ports, and waits until it accepts clients. */
    synchronized void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker on port " + port + " still runs");
        }
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IOException("the broker exited with status " + process.exitValue() + " while starting; "
                        + "see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the broker did not accept clients on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code host:port} for clients. */
    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker's process, for its CPU time. */
    synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    /** Kills the broker at once (SIGKILL) and waits until it is gone. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the broker (SIGTERM: its shutdown hook shuts it down in a controlled way); idempotent. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Runs a broker until SIGTERM.
     *
     * @param args its directory, client port, controller port and default partitions
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: BrokerProcess DIR PORT CONTROLLER_PORT PARTITIONS");
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "broker-shutdown"));
        stopped.await();
    }
}
