package dev.sppo.fuzz;

import com.google.gson.JsonParser;

import java.util.Locale;

/** What is wrong with one answer to a hostile request, if anything. */
public enum Verdict {
    /** A 2xx or 3xx without a stack trace, or a 4xx with an RFC 9457 problem body. */
    FINE,
    /** A status of 500 or more. */
    SERVER_ERROR,
    /** An exception's name or a stack frame in the body. */
    STACK_TRACE,
    /** A 4xx whose body is not {@code application/problem+json} with a {@code status}. */
    NOT_A_PROBLEM;

    /** The verdict on an answer of {@code status}, {@code contentType} (null if none) and {@code body}. */
    public static Verdict of(int status, String contentType, String body) {
        if (status >= 500) {
            return SERVER_ERROR;
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
            return STACK_TRACE;
        }
        if (status >= 400 && !isProblem(contentType, body)) {
            return NOT_A_PROBLEM;
        }
        return FINE;
    }

    private static boolean isProblem(String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return false;
        }
        try {
            return JsonParser.parseString(body).getAsJsonObject().has("status");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
