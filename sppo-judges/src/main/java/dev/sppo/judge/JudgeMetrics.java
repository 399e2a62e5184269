package dev.sppo.judge;

import java.time.Duration;

/** What an {@link LlmJudge} reports: every HTTP exchange, every retry and every comparison it gave up on. */
public interface JudgeMetrics {

    /** Reports nothing. */
    JudgeMetrics NONE = new JudgeMetrics() {
        @Override
        public void called(Duration latency, CallOutcome outcome) {
        }

        @Override
        public void retried(CallOutcome cause) {
        }

        @Override
        public void failed(CallOutcome cause) {
        }
    };

    /** One HTTP exchange finished (or timed out) after {@code latency}. */
    void called(Duration latency, CallOutcome outcome);

    /** An exchange that ended with {@code cause} is about to be tried again. */
    void retried(CallOutcome cause);

    /** A comparison failed for good; its last exchange ended with {@code cause}. */
    void failed(CallOutcome cause);
}
