package dev.sppo.platform;

import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.embedded.EmbeddedDatabase;
import dev.sppo.embedded.EmbeddedKafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The whole platform in this JVM over one data directory: an in-process Kafka broker, an embedded PostgreSQL
 * and the four services ({@link EmbeddedPlatform}). It starts them in dependency order and closes them in the
 * reverse order (services, then the database, then the broker), so that no service loses its broker or its
 * database while it is still stopping.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrintStream status;
    private EmbeddedPlatform platform;
    private volatile boolean closing;

    private EmbeddedStack(PrintStream status) {
        this.status = status;
    }

    /**
     * Starts broker, database and services; if one fails, whatever already started is closed again.
     *
     * @param status where one line per started server goes (a terminal, usually)
     * @throws IOException naming the server that did not start, and why
     */
    public static EmbeddedStack start(StackSettings settings, PrintStream status) throws IOException {
        EmbeddedStack stack = new EmbeddedStack(status);
        try {
            EmbeddedKafka kafka = stack.timed("kafka", "127.0.0.1:" + settings.kafkaPort(),
                    () -> EmbeddedKafka.start(settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort()));
            EmbeddedDatabase database = stack.timed("postgres", "localhost:" + settings.postgresPort(),
                    () -> EmbeddedDatabase.start(settings.postgresDir(), settings.postgresPort()));
            stack.platform = stack.timed("services", services(settings.services()),
                    () -> EmbeddedPlatform.start(settings.platform(kafka, database)));
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Deletes the data directory of earlier runs (nothing if it does not exist).
     *
     * @throws IllegalArgumentException, deleting nothing, if it holds anything the stack does not write there
     */
    public static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !StackSettings.LAYOUT.contains(name)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("refusing to wipe " + dataDir + ": it holds "
                        + String.join(", ", foreign) + ", which the demo did not write there");
            }
        }
        DirectoryTrees.delete(dataDir);
    }

    public int gatewayPort() {
        return platform.gatewayPort();
    }

    /** True once {@link #close()} has begun: the servers are going away, on purpose. */
    public boolean isClosing() {
        return closing;
    }

    /** Closes services, database and broker, in that order. Idempotent. */
    @Override
    public synchronized void close() {
        closing = true;
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                status.println("could not stop " + server.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private <T extends AutoCloseable> T timed(String name, String where, Callable<T> starter) throws IOException {
        long begin = System.nanoTime();
        T server;
        try {
            server = starter.call();
        } catch (Exception e) {
            throw new IOException("could not start " + name + " (" + where + "): " + rootMessage(e), e);
        }
        started.push(server);
        status.printf(Locale.ROOT, "  %-9s %-58s started in %.1f s%n", name, where, (System.nanoTime() - begin) / 1e9);
        return server;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static String services(ServiceSettings s) {
        String generators = s.generatorReplicas() == 1 ? "generator :" + s.generatorPort()
                : s.generatorReplicas() + " generators (first :" + s.generatorPort() + ")";
        return String.format(Locale.ROOT, "gateway :%d, %s, preference :%d, trainer :%d", s.gatewayPort(), generators,
                s.preferencePort(), s.trainerPort());
    }
}
