package dev.sppo.chat;

import java.time.LocalDateTime;

/** The global functions transformers gives chat templates, as static methods for Jinjava to call. */
final class TemplateFunctions {

    /** The name under which {@link #unsupported} is registered. */
    static final String UNSUPPORTED = "sppo_unsupported";

    /** What {@code raise_exception} throws: the template's own refusal of the conversation. */
    static final class Raised extends RuntimeException {
        Raised(String message) {
            super(message);
        }
    }

    /** What {@link #unsupported} throws: the template needs what the Jinja engine lacks. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    private TemplateFunctions() {}

    /** {@code raise_exception(message)}: stops rendering, reporting {@code message}. */
    public static String raiseException(String message) {
        throw new Raised(message);
    }

    /** Stops rendering where the template needs what the Jinja engine lacks; see {@link TemplateSource}. */
    public static String unsupported(String message) {
        throw new Unsupported(message);
    }

    /** {@code strftime_now(format)}: the local time now, as Python's {@code datetime.now().strftime(format)}. */
    public static String strftimeNow(String format) {
        return Strftime.format(format, LocalDateTime.now());
    }
}
