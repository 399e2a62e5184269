package dev.sppo.prompts;

/** A record that a line parser refuses; the reader adds the file and the line to make a {@link LineProblem}. */
final class InvalidRecordException extends Exception {

    private final String field;

    InvalidRecordException(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
