package dev.sppo.trainer.api;

import dev.sppo.contracts.job.CheckpointView;
import dev.sppo.contracts.job.IterationView;
import dev.sppo.contracts.job.JobSummary;
import dev.sppo.contracts.job.JobView;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.continuous.ContinuousSettings;
import dev.sppo.trainer.job.IterationRecord;
import dev.sppo.trainer.job.Job;

import java.util.List;

/** The API's views of stored jobs, iterations and checkpoints (the records of the job contract). */
final class JobViews {

    private JobViews() {}

    static JobView of(Job job, List<IterationRecord> iterations, List<Checkpoint> checkpoints) {
        return new JobView(job.id(), job.name(), job.owner(), kind(job), job.state().name(), job.iteration(),
                phase(job), job.failureReason(), job.createdAt(), job.updatedAt(), job.config(),
                iterations.stream().map(JobViews::iteration).toList(),
                checkpoints.stream().map(JobViews::checkpoint).toList());
    }

    static JobSummary summary(Job job) {
        return new JobSummary(job.id(), job.name(), job.owner(), kind(job), job.state().name(), job.iteration(),
                phase(job), job.failureReason(), job.createdAt(), job.updatedAt());
    }

    static CheckpointView checkpoint(Checkpoint c) {
        return new CheckpointView(c.id(), c.jobId(), c.policyVersion(), c.kind(), c.uri().toString(), c.sha256(),
                c.bytes(), c.parentId(), c.createdAt(), c.manifestSha256(),
                c.contractBase());
    }

    private static IterationView iteration(IterationRecord r) {
        return new IterationView(r.iteration(), r.phase().name(), r.expectedPrompts(), r.receivedPrompts(),
                r.startedAt(), r.finishedAt(), r.metrics());
    }

    /** Batch, or continuous for a config with a {@code continuous} section. */
    private static String kind(Job job) {
        return ContinuousSettings.isContinuous(job.config()) ? "continuous" : "batch";
    }

    private static String phase(Job job) {
        return job.phase() == null ? null : job.phase().name();
    }
}
