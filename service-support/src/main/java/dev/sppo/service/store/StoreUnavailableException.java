package dev.sppo.service.store;

/**
 * The checkpoint store could not be reached, or kept answering 5xx, through every retry
 * ({@code sppo.checkpoint-store.retry}); the message names the store and the last failure. Worth retrying later: a
 * Kafka consumer retries the message with its own backoff before it dead-letters it.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
