package dev.sppo.client;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.MessageCodec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 9457 problem body as the platform answers a refused request: a title, a detail and, for a refused
 * job config, one error per field.
 *
 * @param title the kind of problem ({@code Not Found})
 * @param detail what went wrong with this request
 * @param errors each refused field with its message; null when the problem names none
 */
record Problem(String title, String detail, List<FieldError> errors) {

    /** One refused field of a job config. */
    record FieldError(String field, String message) {}

    /** The problem in {@code body}; a body that is not a problem has no title, detail or errors. */
    static Problem of(String body) {
        try {
            return MessageCodec.decode(body.getBytes(StandardCharsets.UTF_8), Problem.class);
        } catch (InvalidMessageException notAProblem) {
            return new Problem(null, null, null);
        }
    }

    /** {@code field: message} per refused field, else the detail, else the title; empty when there is none. */
    List<String> lines() {
        if (errors != null && !errors.isEmpty()) {
            return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
        }
        if (detail != null) {
            return List.of(detail);
        }
        return title == null ? List.of() : List.of(title);
    }

    /** {@code ": "} and the {@link #lines()}, or nothing when there are none. */
    String suffix() {
        List<String> lines = lines();
        return lines.isEmpty() ? "" : ": " + String.join("; ", lines);
    }
}
