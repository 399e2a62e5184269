package dev.sppo.preferences;

import dev.sppo.judge.CallOutcome;
import dev.sppo.judge.JudgeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * One LLM judge's {@link JudgeMetrics} as Micrometer meters, tagged {@code judge=<name>}:
 * <ul>
 *   <li>{@code sppo.judge.calls{outcome}}: a timer of every HTTP exchange (count and latency), by outcome;
 *   <li>{@code sppo.judge.retries{cause}}: exchanges tried again;
 *   <li>{@code sppo.judge.failures{cause}}: comparisons given up on after the retries.
 * </ul>
 */
final class MicrometerJudgeMetrics implements JudgeMetrics {

    private final MeterRegistry registry;
    private final String judge;

    MicrometerJudgeMetrics(MeterRegistry registry, String judge) {
        this.registry = registry;
        this.judge = judge;
    }

    @Override
    public void called(Duration latency, CallOutcome outcome) {
        Timer.builder("sppo.judge.calls").description("LLM judge HTTP exchanges").tag("judge", judge)
                .tag("outcome", tag(outcome)).register(registry).record(latency);
    }

    @Override
    public void retried(CallOutcome cause) {
        registry.counter("sppo.judge.retries", "judge", judge, "cause", tag(cause)).increment();
    }

    @Override
    public void failed(CallOutcome cause) {
        registry.counter("sppo.judge.failures", "judge", judge, "cause", tag(cause)).increment();
    }

    private static String tag(CallOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
