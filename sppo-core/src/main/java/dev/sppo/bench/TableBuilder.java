package dev.sppo.bench;

/** A three-column markdown table: measurement, value, target. */
final class TableBuilder {

    private final StringBuilder rows = new StringBuilder("| measurement | value | target |\n|---|---|---|\n");

    void row(String measurement, String value, String target) {
        rows.append("| ").append(measurement).append(" | ").append(value).append(" | ").append(target)
                .append(" |\n");
    }

    String markdown() {
        return rows.toString();
    }
}
