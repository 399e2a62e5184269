package dev.sppo.generator;

import dev.sppo.contracts.GenerationRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which generation requests are not worth answering: those of a job that has stopped (cancelled, failed or
 * finished), typically the backlog a restarted generator finds on {@code sppo.generation.requests}. Counter
 * {@code sppo.generator.requests.dropped} (tag {@code state}: the job's end state); the first drop of each job is
 * logged at INFO, the rest at DEBUG.
 */
@Component
class StoppedJobFilter {

    private static final Logger LOG = LoggerFactory.getLogger(StoppedJobFilter.class);

    private final EndedJobs ended;
    private final JobEventsCatchUp catchUp;
    private final MeterRegistry registry;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    StoppedJobFilter(EndedJobs ended, JobEventsCatchUp catchUp, MeterRegistry registry) {
        this.ended = ended;
        this.catchUp = catchUp;
        this.registry = registry;
    }

    /** True (and counted and logged) when the request's job has stopped. */
    boolean drops(GenerationRequest request) {
        awaitJobEvents();
        Optional<String> state = ended.endState(request.jobId());
        if (state.isEmpty()) {
            return false;
        }
        registry.counter("sppo.generator.requests.dropped", "state", state.get()).increment();
        if (logged.add(request.jobId())) {
            LOG.info("Dropping the requests of job {}, which has stopped ({}); first: prompt {}", request.jobId(),
                    state.get(), request.promptId());
        } else {
            LOG.debug("Dropped prompt {} of stopped job {}", request.promptId(), request.jobId());
        }
        return true;
    }

    private void awaitJobEvents() {
        try {
            catchUp.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the job events", e);
        }
    }
}
