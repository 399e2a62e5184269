package dev.sppo.trainer.api;

import dev.sppo.trainer.continuous.ContinuousSettings;
import dev.sppo.trainer.job.Job;

import java.time.Instant;

/** A job in the list of jobs; {@code kind} is batch or continuous (a config with a {@code continuous} section). */
public record JobSummary(
        String id, String name, String kind, String state, Integer iteration, String phase, String failureReason,
        Instant createdAt, Instant updatedAt) {

    static JobSummary of(Job job) {
        return new JobSummary(job.id(), job.name(), ContinuousSettings.isContinuous(job.config()) ? "continuous"
                : "batch", job.state().name(), job.iteration(),
                job.phase() == null ? null : job.phase().name(), job.failureReason(), job.createdAt(), job.updatedAt());
    }
}
