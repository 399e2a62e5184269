package dev.sppo.service.topics;

import java.time.Duration;
import java.util.List;

/**
 * How often a batch consumer tries a record (or a group of records) whose handling failed before it parks it on the
 * dead-letter topic ({@link DeadLetters}): up to {@link #maxAttempts} tries with an exponential back-off between
 * them, except for the failures that would never succeed ({@link #neverRetried}), which are parked at once. Each
 * service binds its own settings (a record of the four values that implements this) and names its own hopeless
 * failures; the rule is this one.
 */
public interface RetrySettings {

    /** Tries in all, the first included. */
    int maxAttempts();

    /** The wait before the second try. */
    Duration backOffInitial();

    /** Each later wait is the previous one times this. */
    double backOffMultiplier();

    /** The longest wait. */
    Duration backOffMax();

    /** Failures (and their subclasses) that are parked without another try. */
    List<Class<? extends Exception>> neverRetried();

    /** Whether a try that failed with {@code failure} may be followed by another. */
    default boolean retries(Exception failure, int attempt) {
        return attempt < maxAttempts() && neverRetried().stream().noneMatch(c -> c.isInstance(failure));
    }

    /** The wait after failed try {@code attempt} (1 for the first). */
    default Duration backOff(int attempt) {
        double millis = backOffInitial().toMillis() * Math.pow(backOffMultiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, backOffMax().toMillis()));
    }
}
