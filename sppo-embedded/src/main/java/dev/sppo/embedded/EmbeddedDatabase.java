package dev.sppo.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

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

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
                .start());
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

    /** Stops the server. Idempotent. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
