package dev.sppo.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server left running on a data directory by a process that died without stopping it (a {@code kill
 * -9} of the demo): its postmaster still holds the port and the directory. PostgreSQL writes the postmaster's PID
 * on the first line of {@code postmaster.pid} in the data directory and removes the file when it stops; a file
 * whose PID names a live {@code postgres} process is such a server.
 */
final class OrphanedPostgres {

    static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private OrphanedPostgres() {}

    /**
     * Stops the server still running on {@code dataDir}, if there is one, with SIGTERM (PostgreSQL's smart
     * shutdown: the dead process's sessions are gone, so it checkpoints and exits at once), and waits for it.
     *
     * @return the PID of the server that was stopped; empty when none was running
     * @throws IOException when it does not stop within 30 s (the message says how to stop it by hand)
     */
    static Optional<Long> stop(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = running(dataDir);
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle postmaster = orphan.get();
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("the PostgreSQL server (pid " + postmaster.pid() + ") left running on " + dataDir
                    + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; stop it with: kill "
                    + postmaster.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        }
        return Optional.of(postmaster.pid());
    }

    /** The live postmaster that {@code dataDir}'s pid file names; empty without a file or with a stale one. */
    static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(OrphanedPostgres::isPostgres);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postmaster")).isPresent();
    }
}
