package dev.sppo.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A markdown table, aligned column by column; by default the first column is left-aligned (names) and the others
 * right-aligned (numbers). Cells are written as given; a '|' inside a cell is escaped so that it cannot split
 * the row.
 */
public final class MarkdownTable {

    /**
     * A column of a table.
     *
     * @param heading the column's header cell
     * @param rightAligned whether its cells are right-aligned (numbers) rather than left-aligned
     */
    public record Column(String heading, boolean rightAligned) {

        public static Column left(String heading) {
            return new Column(heading, false);
        }

        public static Column right(String heading) {
            return new Column(heading, true);
        }
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these headings, the first column left-aligned and the others right-aligned. */
    public MarkdownTable(String... header) {
        this(IntStream.range(0, header.length)
                .mapToObj(i -> i == 0 ? Column.left(header[i]) : Column.right(header[i])).toList());
    }

    public MarkdownTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("header: a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** Appends a row of exactly as many cells as the header has columns. */
    public MarkdownTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + ": " + cells.length + " cells for "
                    + columns.size() + " columns (" + String.join(", ", headings()) + ")");
        }
        rows.add(List.of(cells));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, headings());
        out.append('|');
        columns.forEach(c -> out.append(c.rightAligned() ? "---:|" : "---|"));
        out.append('\n');
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private List<String> headings() {
        return columns.stream().map(Column::heading).toList();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
