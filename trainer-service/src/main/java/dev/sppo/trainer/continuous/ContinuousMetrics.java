package dev.sppo.trainer.continuous;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of continuous alignment (at {@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code sppo.trainer.prompts{outcome}}: prompts read from {@code sppo.prompts}: stored, duplicate,
 *       dead_lettered;
 *   <li>{@code sppo.trainer.prompts.lag}: records of {@code sppo.prompts} not yet consumed;
 *   <li>{@code sppo.trainer.prompts.consumer.paused} (1 while paused), {@code sppo.trainer.prompts.consumer.pauses}
 *       and {@code .resumes}: the backpressure;
 *   <li>{@code sppo.trainer.rounds.behind}: rounds formed and not finished;
 *   <li>{@code sppo.trainer.responses.stale{action}}: stale responses regenerated or dropped;
 *   <li>{@code sppo.trainer.serving.version}: the promoted version generators serve;
 *   <li>{@code sppo.trainer.promotions{decision}}: rounds whose candidate was promoted or rejected.
 * </ul>
 */
@Component
public class ContinuousMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong paused = new AtomicLong();
    private final AtomicLong behind = new AtomicLong();
    private final AtomicLong serving = new AtomicLong();
    private final Counter pauses;
    private final Counter resumes;

    public ContinuousMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("sppo.trainer.prompts.lag", lag, AtomicLong::get)
                .description("records of sppo.prompts not yet consumed").register(registry);
        Gauge.builder("sppo.trainer.prompts.consumer.paused", paused, AtomicLong::get)
                .description("1 while prompt consumption is paused by backpressure").register(registry);
        Gauge.builder("sppo.trainer.rounds.behind", behind, AtomicLong::get)
                .description("rounds formed and not finished").register(registry);
        Gauge.builder("sppo.trainer.serving.version", serving, AtomicLong::get)
                .description("the promoted policy version generators serve").register(registry);
        pauses = Counter.builder("sppo.trainer.prompts.consumer.pauses").description("backpressure pauses")
                .register(registry);
        resumes = Counter.builder("sppo.trainer.prompts.consumer.resumes").description("backpressure resumes")
                .register(registry);
    }

    void prompts(String outcome, int count) {
        registry.counter("sppo.trainer.prompts", "outcome", outcome).increment(count);
    }

    void consumer(long recordsBehind, int roundsBehind) {
        lag.set(recordsBehind);
        behind.set(roundsBehind);
    }

    void paused() {
        paused.set(1);
        pauses.increment();
    }

    void resumed() {
        paused.set(0);
        resumes.increment();
    }

    void stale(String action) {
        registry.counter("sppo.trainer.responses.stale", "action", action).increment();
    }

    void promotion(boolean promoted, int servingVersion) {
        registry.counter("sppo.trainer.promotions", "decision", promoted ? "promoted" : "rejected").increment();
        serving.set(servingVersion);
    }

    /** The consumer's state for the continuous view. */
    ConsumerState state() {
        return new ConsumerState(paused.get() == 1, (long) pauses.count(), (long) resumes.count(), lag.get(),
                (long) registry.counter("sppo.trainer.responses.stale", "action", "regenerated").count(),
                (long) registry.counter("sppo.trainer.responses.stale", "action", "dropped").count());
    }
}
