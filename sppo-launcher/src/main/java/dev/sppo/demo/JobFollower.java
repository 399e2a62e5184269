package dev.sppo.demo;

import dev.sppo.client.JobsClient;
import dev.sppo.contracts.job.JobView;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/** Follows a job through the gateway until it ends, drawing its progress on a terminal as it goes. */
public final class JobFollower {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final JobsClient client;
    private final PrintStream terminal;

    public JobFollower(JobsClient client, PrintStream terminal) {
        this.client = client;
        this.terminal = terminal;
    }

    /** Reads {@code GET /api/jobs/{id}} until the job is SUCCEEDED, FAILED or CANCELLED. */
    public FinishedJob follow(String id) throws IOException, InterruptedException {
        JobView job = client.follow(id, POLL_INTERVAL, new JobProgress(terminal)::update);
        return new FinishedJob(id, job.state(), job.failureReason(), JobResultsTable.markdown(job));
    }
}
