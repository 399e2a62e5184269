package dev.sppo.service.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Requests to a checkpoint store, retried with exponential backoff ({@code sppo.checkpoint-store.retry}) while
 * they fail in a way that may pass (the store cannot be reached, answers 5xx or 429); each retry is logged at WARN
 * with the failure, and the last failure ends in a {@link StoreUnavailableException}. A refusal
 * ({@link CheckpointRefusedException}) is final and passes through at once.
 */
final class StoreRetries {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRetries.class);

    /** A failure worth another attempt; its message says what went wrong. */
    static final class TransientFailure extends Exception {

        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One attempt of a request. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws TransientFailure, InterruptedException;
    }

    private final CheckpointStoreProperties.Retry retry;

    StoreRetries(CheckpointStoreProperties.Retry retry) {
        this.retry = retry;
    }

    /**
     * @param target what is asked for, for the log and the exception ({@code http://trainer:8083/store/entries/x})
     * @throws StoreUnavailableException when every attempt failed transiently, naming the target and the last failure
     */
    <T> T run(String target, Attempt<T> attempt) {
        Duration wait = retry.backoff();
        TransientFailure failure = null;
        for (int n = 1; n <= retry.attempts(); n++) {
            if (n > 1) {
                LOG.warn("Checkpoint store {}: {}; attempt {} of {} in {} ms", target, failure.getMessage(), n,
                        retry.attempts(), wait.toMillis());
                sleep(wait, target);
                wait = wait.multipliedBy(2).compareTo(retry.maxBackoff()) <= 0 ? wait.multipliedBy(2)
                        : retry.maxBackoff();
            }
            try {
                return attempt.run();
            } catch (TransientFailure e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while fetching " + target, e);
            }
        }
        throw new StoreUnavailableException("checkpoint store " + target + " unavailable after " + retry.attempts()
                + " attempts: " + failure.getMessage(), failure.getCause());
    }

    private static void sleep(Duration wait, String target) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry " + target, e);
        }
    }
}
