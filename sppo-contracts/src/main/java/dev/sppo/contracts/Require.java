package dev.sppo.contracts;

import java.util.List;

/** Field checks shared by the message records; each failure names the record and the field. */
final class Require {

    private Require() {}

    static String text(String record, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException(record, field, "required, got " + value);
        }
        return value;
    }

    static String sha256OrNull(String record, String field, String value) {
        if (value != null && !value.matches("[0-9a-f]{64}")) {
            throw new InvalidMessageException(record, field, "when present, must be 64 lowercase hex digits, got "
                    + value);
        }
        return value;
    }

    static int atLeast(String record, String field, int value, int min) {
        if (value < min) {
            throw new InvalidMessageException(record, field, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    static long positive(String record, String field, long value) {
        if (value <= 0) {
            throw new InvalidMessageException(record, field, "must be > 0, got " + value);
        }
        return value;
    }

    static double finite(String record, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidMessageException(record, field, "must be a finite number, got " + value);
        }
        return value;
    }

    static <T> List<T> list(String record, String field, List<T> value) {
        if (value == null) {
            throw new InvalidMessageException(record, field, "required, got null");
        }
        for (T element : value) {
            if (element == null) {
                throw new InvalidMessageException(record, field, "must not contain null");
            }
        }
        return List.copyOf(value);
    }

    static void version(String record, int version) {
        if (version != ContractVersion.CURRENT) {
            throw new InvalidMessageException(record + ".version: this service speaks version "
                    + ContractVersion.CURRENT + ", got " + version);
        }
    }
}
