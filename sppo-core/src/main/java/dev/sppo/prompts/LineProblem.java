package dev.sppo.prompts;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why one line (one CSV record) of a prompt file was refused.
 *
 * @param file the file
 * @param line 1-based line number; for a CSV record spanning lines, the line it starts on; 0 when the file as a
 *     whole is at fault (it holds no prompt)
 * @param field the field at fault, as the file spells it (for example {@code messages[1].role}), or null when the
 *     line as a whole is at fault (not JSON, not UTF-8)
 * @param reason what is wrong, in words
 */
public record LineProblem(Path file, long line, String field, String reason) {

    public LineProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code FILE:LINE: field 'FIELD': REASON}, without the field when there is none, without the line when 0. */
    public String message() {
        String where = line == 0 ? file + ": " : file + ":" + line + ": ";
        return field == null ? where + reason : where + "field '" + field + "': " + reason;
    }
}
