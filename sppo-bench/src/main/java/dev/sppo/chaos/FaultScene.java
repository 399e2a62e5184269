package dev.sppo.chaos;

import dev.sppo.perf.ProcessPlatform;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a fault is injected: the platform, and the job under it as its row in PostgreSQL shows it.
 *
 * @param probe reads the job's row
 * @param jobId the job the trial runs
 */
record FaultScene(ProcessPlatform platform, JobProbe probe, String jobId) {

    private static final long POLL_MILLIS = 250;

    /** The size of the job's first checkpoint's {@code model.safetensors} (version 0, the warm start). */
    long firstCheckpointBytes() throws IOException {
        try {
            return probe.weightsBytes(jobId, 0);
        } catch (SQLException e) {
            throw new IOException("cannot read job " + jobId + "'s checkpoint 0: " + e.getMessage(), e);
        }
    }

    /** Waits until the job has ended or moved past {@code fault}'s point, or {@code limit} has passed. */
    void awaitPast(Fault fault, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobProbe.Position> position = probe.position(jobId);
            if (position.isPresent() && position.get().passed(fault)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
