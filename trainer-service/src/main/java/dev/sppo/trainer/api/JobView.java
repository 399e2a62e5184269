package dev.sppo.trainer.api;

import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.job.IterationRecord;
import dev.sppo.trainer.job.Job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One job in full: state, current iteration and phase, the submitted config, each iteration's progress and
 * metrics, and its checkpoints (v0 is the base policy).
 */
public record JobView(
        String id, String name, String kind, String state, Integer iteration, String phase, String failureReason,
        Instant createdAt, Instant updatedAt, Map<String, Object> config, List<IterationView> iterations,
        List<CheckpointView> checkpoints) {

    static JobView of(Job job, List<IterationRecord> iterations, List<Checkpoint> checkpoints) {
        JobSummary s = JobSummary.of(job);
        return new JobView(s.id(), s.name(), s.kind(), s.state(), s.iteration(), s.phase(), s.failureReason(), s.createdAt(),
                s.updatedAt(), job.config(), iterations.stream().map(IterationView::of).toList(),
                checkpoints.stream().map(CheckpointView::of).toList());
    }
}
