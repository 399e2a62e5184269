package dev.sppo.judge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@link JudgeMetrics} as plain thread-safe counters. */
public final class CountingJudgeMetrics implements JudgeMetrics {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong latencyNanos = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    @Override
    public void called(Duration latency, CallOutcome outcome) {
        calls.incrementAndGet();
        latencyNanos.addAndGet(latency.toNanos());
    }

    @Override
    public void retried(CallOutcome cause) {
        retries.incrementAndGet();
    }

    @Override
    public void failed(CallOutcome cause) {
        failures.incrementAndGet();
    }

    /** HTTP exchanges, successful or not. */
    public long calls() {
        return calls.get();
    }

    /** The summed latency of all exchanges. */
    public Duration totalLatency() {
        return Duration.ofNanos(latencyNanos.get());
    }

    public long retries() {
        return retries.get();
    }

    /** Comparisons given up on after the retries. */
    public long failures() {
        return failures.get();
    }
}
