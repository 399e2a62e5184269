package dev.sppo.trainer.api;

import dev.sppo.trainer.job.IterationRecord;

import java.time.Instant;
import java.util.Map;

/** One iteration of a job as the API shows it: progress of its generate phase, timings and metrics. */
public record IterationView(
        int iteration, String phase, int expectedPrompts, int receivedPrompts, Instant startedAt, Instant finishedAt,
        Map<String, Object> metrics) {

    static IterationView of(IterationRecord r) {
        return new IterationView(r.iteration(), r.phase().name(), r.expectedPrompts(), r.receivedPrompts(),
                r.startedAt(), r.finishedAt(), r.metrics());
    }
}
