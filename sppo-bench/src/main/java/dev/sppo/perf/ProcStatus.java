package dev.sppo.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of a Linux process from {@code /proc/<pid>/status}: {@code VmHWM} is the peak resident set size (the
 * "high water mark" of RSS since the process started), {@code VmRSS} the current one, both in kB (KiB).
 *
 * @param peakRssKib VmHWM
 * @param rssKib VmRSS
 */
public record ProcStatus(long peakRssKib, long rssKib) {

    /** Reads the status of process {@code pid}; it must still be running. */
    public static ProcStatus of(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "process " + pid);
    }

    /**
     * Parses the text of a status file.
     *
     * @param source names the file in the error
     * @throws IllegalArgumentException naming the field that is missing or unreadable
     */
    public static ProcStatus parse(String status, String source) {
        return new ProcStatus(kibibytes(status, "VmHWM", source), kibibytes(status, "VmRSS", source));
    }

    private static long kibibytes(String status, String field, String source) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException(source + ": " + field + " is not '<number> kB': " + line);
                }
                try {
                    return Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ": " + field + " is not a number: " + line, e);
                }
            }
        }
        throw new IllegalArgumentException(source + ": no " + field + " line in the status");
    }
}
