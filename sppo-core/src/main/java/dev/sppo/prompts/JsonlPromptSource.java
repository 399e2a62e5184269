package dev.sppo.prompts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON Lines prompt file line by line; blank lines are passed over. */
final class JsonlPromptSource {

    private JsonlPromptSource() {}

    static void read(Path file, PromptFields fields, LineSink sink) throws IOException {
        JsonlPromptParser parser = new JsonlPromptParser(fields);
        try (Utf8LineReader lines = new Utf8LineReader(Files.newInputStream(file))) {
            while (true) {
                Utf8LineReader.Line line;
                try {
                    line = lines.next();
                } catch (Utf8LineReader.InvalidUtf8Exception e) {
                    sink.refuse(new LineProblem(file, e.line(), null, e.getMessage()));
                    continue;
                }
                if (line == null) {
                    return;
                }
                if (!line.text().isBlank()) {
                    parse(file, parser, line, sink);
                }
            }
        }
    }

    private static void parse(Path file, JsonlPromptParser parser, Utf8LineReader.Line line, LineSink sink) {
        try {
            sink.accept(line.number(), parser.parse(line.text()));
        } catch (InvalidRecordException e) {
            sink.refuse(new LineProblem(file, line.number(), e.field(), e.getMessage()));
        }
    }
}
