package dev.sppo.generator;

import dev.sppo.contracts.JobEvent;
import dev.sppo.contracts.job.JobView;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs that have stopped (SUCCEEDED, FAILED or CANCELLED), learnt from {@code sppo.job-events}, so that the
 * generator drops their requests instead of sampling answers nobody reads. A later event that the job runs again
 * (QUEUED, RUNNING, PAUSED: a resumed job) forgets its end. Only the {@link GeneratorProperties#endedJobs() most
 * recently} stopped jobs are remembered, the oldest forgotten first.
 */
@Component
class EndedJobs {

    private final int capacity;
    private final Map<String, String> ended = new LinkedHashMap<>();

    EndedJobs(GeneratorProperties properties) {
        this.capacity = properties.endedJobs();
    }

    synchronized void record(JobEvent event) {
        ended.remove(event.jobId());
        if (JobView.END_STATES.contains(event.state())) {
            ended.put(event.jobId(), event.state());
            if (ended.size() > capacity) {
                ended.remove(ended.keySet().iterator().next());
            }
        }
    }

    /** The state a stopped job ended in; empty for a job not known to have stopped. */
    synchronized Optional<String> endState(String jobId) {
        return Optional.ofNullable(ended.get(jobId));
    }
}
