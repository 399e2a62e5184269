package dev.sppo.trainer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trainer's Micrometer meters (exported at {@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code sppo.trainer.iteration}: the iteration t the service last entered;
 *   <li>{@code sppo.trainer.train.step}: time per optimizer step;
 *   <li>{@code sppo.trainer.win.rate.vs.base}: the last evaluated win rate of π_{t+1} against π_0;
 *   <li>{@code sppo.trainer.preferences{outcome}}: scored prompts stored, duplicated or ignored (by reason);
 *   <li>{@code sppo.trainer.jobs.finished{state}}: jobs that reached a terminal state.
 * </ul>
 */
@Component
public class TrainerMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger iteration = new AtomicInteger();
    private final Timer trainStep;
    private volatile double lastWinRate = Double.NaN;

    public TrainerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("sppo.trainer.iteration", iteration, AtomicInteger::get)
                .description("iteration t the trainer last entered").register(registry);
        Gauge.builder("sppo.trainer.win.rate.vs.base", this, m -> m.lastWinRate)
                .description("last evaluated win rate of pi_{t+1} against pi_0").register(registry);
        this.trainStep = Timer.builder("sppo.trainer.train.step").description("time per optimizer step")
                .register(registry);
    }

    public void iteration(int t) {
        iteration.set(t);
    }

    public void trainStep(long nanos) {
        trainStep.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void winRateVsBase(double rate) {
        lastWinRate = rate;
    }

    public void preference(String outcome) {
        registry.counter("sppo.trainer.preferences", "outcome", outcome).increment();
    }

    public void jobFinished(String state) {
        registry.counter("sppo.trainer.jobs.finished", "state", state).increment();
    }
}
