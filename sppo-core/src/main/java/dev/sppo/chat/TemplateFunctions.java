package dev.sppo.chat;

import java.time.LocalDateTime;

/** The global functions transformers gives chat templates, as static methods for Jinjava to call. */
final class TemplateFunctions {

    /** What {@code raise_exception} throws: the template's own refusal of the conversation. */
    static final class Raised extends RuntimeException {
        Raised(String message) {
            super(message);
        }
    }

    private TemplateFunctions() {}

    /** {@code raise_exception(message)}: stops rendering, reporting {@code message}. */
    public static String raiseException(String message) {
        throw new Raised(message);
    }

    /** {@code strftime_now(format)}: the local time now, as Python's {@code datetime.now().strftime(format)}. */
    public static String strftimeNow(String format) {
        return Strftime.format(format, LocalDateTime.now());
    }
}
