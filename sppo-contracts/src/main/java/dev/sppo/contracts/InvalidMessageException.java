package dev.sppo.contracts;

/** A message that cannot be decoded or breaks its contract; the message names the field and the problem. */
public final class InvalidMessageException extends RuntimeException {

    private final String field;

    public InvalidMessageException(String message) {
        super(message);
        this.field = null;
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    /** {@code record.field: problem}, remembering the field. */
    public InvalidMessageException(String record, String field, String problem) {
        super(record + "." + field + ": " + problem);
        this.field = field;
    }

    /** The record's field at fault ({@code judge}, {@code members}), or null when the message names none. */
    public String field() {
        return field;
    }
}
