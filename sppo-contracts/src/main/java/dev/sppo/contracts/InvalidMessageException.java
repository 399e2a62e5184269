package dev.sppo.contracts;

/** A message that cannot be decoded or breaks its contract; the message names the field and the problem. */
public final class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
