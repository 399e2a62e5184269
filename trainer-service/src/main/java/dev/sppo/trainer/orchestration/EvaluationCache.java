package dev.sppo.trainer.orchestration;

import dev.sppo.evaluation.HeldOutResponses;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Held-out responses of a job's policies by version, so that π_0 and π_t are not sampled again at every
 * evaluation. Only memory: after a restart they are recomputed (with the same seeds).
 */
@Component
public class EvaluationCache {

    private final Map<String, Map<Integer, HeldOutResponses>> byJob = new ConcurrentHashMap<>();

    public HeldOutResponses get(String jobId, int version, Supplier<HeldOutResponses> compute) {
        return byJob.computeIfAbsent(jobId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(version, v -> compute.get());
    }

    /** Drops every version of the job but {@code keep}. */
    public void retain(String jobId, Set<Integer> keep) {
        Map<Integer, HeldOutResponses> versions = byJob.get(jobId);
        if (versions != null) {
            versions.keySet().retainAll(keep);
        }
    }

    public void forget(String jobId) {
        byJob.remove(jobId);
    }
}
