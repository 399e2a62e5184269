package dev.sppo.service.store;

/**
 * A checkpoint this service will not use, and fetching it again will not change that: the store has no such
 * checkpoint, refuses the service key, or served files that failed their manifest digest on the fetch and the
 * refetch. The message names the checkpoint, the store and the reason. A Kafka consumer dead-letters the message
 * at once instead of retrying it.
 */
public final class CheckpointRefusedException extends RuntimeException {

    CheckpointRefusedException(String message) {
        super(message);
    }
}
