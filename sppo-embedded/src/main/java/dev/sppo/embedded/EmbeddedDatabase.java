package dev.sppo.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server (zonky's embedded binaries, a child process) on a fixed port, with a persistent data
 * directory: {@code initdb} runs only when the directory holds no cluster yet, so the next start finds every
 * table and row again. It is durable: the embedded library starts the server with {@code -F} (fsync off) and
 * {@code synchronous_commit = off}, which later {@code -c} options override here, so a committed row survives a
 * crash of the machine, not only of the process. Closing it stops the server with {@code pg_ctl stop -m fast}:
 * open transactions roll back, everything committed is checkpointed to disk.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private static final Duration CRASH_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code port} over the cluster in {@code dataDir}, creating the cluster on first use.
     */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        return new EmbeddedDatabase(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start(), dataDir);
    }

    /**
     * Stops a server that an earlier process left running on {@code dataDir} when it died without stopping it
     * (it would hold the port and the directory), so that {@link #start} can take the directory over.
     *
     * @return the PID of the server that was stopped; empty when none was running
     * @throws IOException when it does not stop within 30 s, saying how to stop it by hand
     */
    public static Optional<Long> stopOrphan(Path dataDir) throws IOException {
        return OrphanedPostgres.stop(dataDir);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** Any password works: the embedded cluster trusts local connections. */
    public String password() {
        return USER;
    }

    /** The server's processes now: its postmaster and the postmaster's children (backends, writers); none if it is down. */
    public List<ProcessHandle> processes() throws IOException {
        return OrphanedPostgres.running(dataDir).map(postmaster -> Stream.concat(Stream.of(postmaster),
                postmaster.descendants()).toList()).orElse(List.of());
    }

    /**
     * Crashes the server: SIGKILL to its postmaster, as the OOM killer or a power cut would end it (no checkpoint,
     * no shutdown record), then waits until its backends, which exit when their postmaster dies, are gone. The
     * next {@link #start} on the directory runs PostgreSQL's crash recovery from the write-ahead log.
     *
     * @throws IOException when no postmaster runs on the directory, or its processes outlive the kill by 30 s
     */
    public void crash() throws IOException {
        ProcessHandle postmaster = OrphanedPostgres.running(dataDir).orElseThrow(() -> new IOException(
                "no PostgreSQL postmaster runs on " + dataDir + " (" + OrphanedPostgres.PID_FILE + ")"));
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
        processes.add(postmaster);
        postmaster.destroyForcibly();
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(CRASH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("PostgreSQL's processes on " + dataDir + " still run " + CRASH_TIMEOUT.toSeconds()
                    + " s after their postmaster " + postmaster.pid() + " was killed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while PostgreSQL on " + dataDir + " went down", e);
        }
        postgres.close();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
