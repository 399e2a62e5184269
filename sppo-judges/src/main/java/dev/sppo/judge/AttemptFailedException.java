package dev.sppo.judge;

/** One failed exchange with a judge: its outcome and a short, key-free description. */
final class AttemptFailedException extends RuntimeException {

    /** The most characters of server text an error message quotes. */
    static final int EXCERPT_LENGTH = 200;

    private final CallOutcome outcome;

    AttemptFailedException(CallOutcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    CallOutcome outcome() {
        return outcome;
    }

    /** {@code text} cut to {@value #EXCERPT_LENGTH} characters, quoted, with a marker when cut. */
    static String excerpt(String text) {
        if (text == null) {
            return "(nothing)";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT_LENGTH ? "'" + oneLine + "'"
                : "'" + oneLine.substring(0, EXCERPT_LENGTH) + "...' (" + oneLine.length() + " chars)";
    }
}
