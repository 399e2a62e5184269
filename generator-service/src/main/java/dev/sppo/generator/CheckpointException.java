package dev.sppo.generator;

/** A checkpoint that cannot be used; the message names the URI or directory and the problem. */
final class CheckpointException extends RuntimeException {

    /** Why the checkpoint cannot be used; the REST layer maps each to its HTTP status. */
    enum Reason {
        /** The URI is not one this generator can read (only {@code file:} URIs and plain paths are). */
        UNSUPPORTED_URI,
        /** A URI given over REST that lies outside the generator's checkpoint store. */
        OUTSIDE_STORE,
        /** No checkpoint directory at the URI. */
        NOT_FOUND,
        /** The directory exists but its config, tokenizer or weights are refused. */
        MALFORMED
    }

    private final Reason reason;

    CheckpointException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
