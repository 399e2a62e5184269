package dev.sppo.prompts;

import java.nio.file.Path;
import java.util.Locale;

/** The layout of a prompt file. */
public enum PromptFormat {
    /** JSON Lines: one object a line ({@code .jsonl}, {@code .ndjson}). */
    JSONL,
    /** Comma-separated values with a header row ({@code .csv}); RFC 4180 quoting. */
    CSV;

    /**
     * The format {@code file}'s extension names.
     *
     * @throws IllegalArgumentException naming {@code format} when the extension is not one of the above
     */
    public static PromptFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".parquet")) {
            throw new IllegalArgumentException("format: Parquet files are not read; convert " + file
                    + " to JSON Lines (the README shows how)");
        }
        throw new IllegalArgumentException("format: cannot tell the format of " + file
                + " from its extension (.jsonl, .ndjson or .csv); name it in format (jsonl or csv)");
    }
}
