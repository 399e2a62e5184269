package dev.sppo.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A markdown table: the first column left-aligned (names), the others right-aligned (numbers). Cells are
 * written as given; a '|' inside a cell is escaped so that it cannot split the row.
 */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("header: a table needs at least one column");
        }
        this.header = List.of(header);
    }

    /** Appends a row of exactly as many cells as the header has columns. */
    public MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + ": " + cells.length + " cells for "
                    + header.size() + " columns (" + String.join(", ", header) + ")");
        }
        rows.add(List.of(cells));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append("|---|").append("---:|".repeat(header.size() - 1)).append('\n');
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
