package dev.sppo.prompts;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV prompt file (RFC 4180: comma-separated, double-quoted fields may hold commas, quotes written twice
 * and line breaks) whose first row names the columns: the prompt column is required, the id column optional (an
 * empty cell means "use the content id"), every other column becomes a string in the record's metadata. Blank
 * rows are passed over. A header without the prompt column, a syntax error (such as text after a closing quote)
 * or invalid UTF-8 ends the read with a {@link PromptFileException} whatever the bad-line policy, since the
 * records after it cannot be trusted to start where they seem to.
 */
final class CsvPromptSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvPromptSource() {}

    static void read(Path file, PromptFields fields, LineSink sink) throws IOException {
        CSVParser parser = open(file);
        try (parser) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains(fields.prompt())) {
                throw new PromptFileException(new LineProblem(file, 1, fields.prompt(),
                        "no such column in the header (columns: " + String.join(", ", header) + ")"));
            }
            long start = parser.getCurrentLineNumber() + 1;
            for (CSVRecord row : parser) {
                if (!isBlank(row)) {
                    sink(file, fields, header, row, start, sink);
                }
                start = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            throw unreadable(file, parser.getCurrentLineNumber() + 1, e.getCause());
        }
    }

    private static CSVParser open(Path file) throws IOException {
        Utf8LinesReader text = new Utf8LinesReader(new Utf8LineReader(Files.newInputStream(file)));
        try {
            return CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        } catch (IllegalArgumentException e) {
            text.close();
            throw new PromptFileException(new LineProblem(file, 1, null, "bad header: " + e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            text.close();
            throw unreadable(file, 1, e instanceof UncheckedIOException u ? u.getCause() : e);
        }
    }

    private static void sink(Path file, PromptFields fields, List<String> header, CSVRecord row, long line,
            LineSink sink) {
        if (row.size() != header.size()) {
            sink.refuse(new LineProblem(file, line, null,
                    "expected " + header.size() + " fields as in the header, got " + row.size()));
            return;
        }
        String text = row.get(fields.prompt());
        if (text.isBlank()) {
            sink.refuse(new LineProblem(file, line, fields.prompt(), "empty prompt"));
            return;
        }
        PlainPrompt content = new PlainPrompt(text);
        String id = header.contains(fields.id()) ? row.get(fields.id()) : "";
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (String column : header) {
            if (!column.equals(fields.id()) && !column.equals(fields.prompt())) {
                metadata.put(column, row.get(column));
            }
        }
        sink.accept(line, new PromptRecord(id.isEmpty() ? PromptIds.contentId(content) : id, content, metadata));
    }

    private static boolean isBlank(CSVRecord row) {
        return row.size() == 1 && row.get(0).isBlank();
    }

    private static PromptFileException unreadable(Path file, long line, Throwable cause) {
        if (cause instanceof Utf8LineReader.InvalidUtf8Exception invalid) {
            return new PromptFileException(new LineProblem(file, invalid.line(), null, invalid.getMessage()));
        }
        return new PromptFileException(new LineProblem(file, line, null, "not valid CSV (" + cause.getMessage() + ")"));
    }
}
