package dev.sppo.generator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which policy version this replica samples from, per job. By default a request is answered with the version it
 * names (so the replica hot-swaps to every version the trainer promotes); a job pinned to version v is answered
 * with v whatever the request names, and the reply says so ({@code SampledResponses.servedVersion}). A version can
 * be pinned only once this replica knows where its checkpoint lives, from a request or a checkpoint event.
 * Gauge: {@code sppo.generator.served.version} (tag {@code job}), the version of the job last sampled from.
 */
@Component
class VersionPins {

    private final MeterRegistry registry;
    private final Map<String, Map<Integer, CheckpointRef>> known = new ConcurrentHashMap<>();
    private final Map<String, Integer> pins = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    VersionPins(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Learns where a version of a job lives; ad-hoc checkpoints (no job) are not pinnable. */
    void remember(CheckpointRef ref) {
        if (ref.jobId() != null) {
            known.computeIfAbsent(ref.jobId(), job -> new ConcurrentHashMap<>()).put(ref.policyVersion(), ref);
        }
    }

    /** The checkpoint to sample from for a request naming {@code requested}: the pinned one, if its job is pinned. */
    CheckpointRef resolve(CheckpointRef requested) {
        remember(requested);
        Integer pinned = requested.jobId() == null ? null : pins.get(requested.jobId());
        CheckpointRef chosen = pinned == null ? requested : known.get(requested.jobId()).get(pinned);
        if (chosen.jobId() != null) {
            served.computeIfAbsent(chosen.jobId(), this::servedGauge).set(chosen.policyVersion());
        }
        return chosen;
    }

    /**
     * Pins a job to one of its known versions.
     *
     * @throws UnknownVersionException when this replica has not seen that version of the job
     */
    PinView pin(String jobId, int version) {
        requireKnown(jobId, version);
        pins.put(jobId, version);
        return view(jobId);
    }

    /** @throws UnknownVersionException when this replica has not seen that version of the job */
    void requireKnown(String jobId, int version) {
        if (!known.getOrDefault(jobId, Map.of()).containsKey(version)) {
            throw new UnknownVersionException(jobId, version, new TreeMap<>(known.getOrDefault(jobId, Map.of()))
                    .keySet());
        }
    }

    boolean isPinned(String jobId) {
        return pins.containsKey(jobId);
    }

    /** Lets the job follow the versions its requests name again; false when it was not pinned. */
    boolean unpin(String jobId) {
        return pins.remove(jobId) != null;
    }

    /** Every job this replica has served or heard of, with its pin and last served version. */
    Map<String, PinView> views() {
        Map<String, PinView> out = new TreeMap<>();
        known.keySet().forEach(job -> out.put(job, view(job)));
        return out;
    }

    private PinView view(String jobId) {
        AtomicInteger last = served.get(jobId);
        return new PinView(jobId, pins.get(jobId), last == null ? null : last.get(),
                new TreeMap<>(known.getOrDefault(jobId, Map.of())).keySet().stream().toList());
    }

    private AtomicInteger servedGauge(String jobId) {
        AtomicInteger value = new AtomicInteger(-1);
        Gauge.builder("sppo.generator.served.version", value, AtomicInteger::get).tag("job", jobId)
                .description("policy version of the job this replica last sampled from").register(registry);
        return value;
    }
}
