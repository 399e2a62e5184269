package dev.sppo.prompts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the prompt files of one dataset. Every refused line is named by file, line, field and reason: a line
 * that is not UTF-8 or not JSON, lacks the prompt, has an empty prompt or empty messages, a message with an
 * unknown role or content that is not a string, or repeats an id already read, here or in an earlier file read
 * by this reader (the first keeps its place; a repeated content id is reported as a repeated prompt), or fails the
 * reader's {@link PromptCheck} (reported against its prompt or messages field; such a line does not claim its id).
 * Under {@link BadLinePolicy#FAIL} the first such line throws a {@link PromptFileException}; under
 * {@link BadLinePolicy#SKIP} it is left out and listed. A file that yields no prompt at all is refused either
 * way.
 */
public final class PromptFileReader {

    private record Place(Path file, long line) {}

    private final PromptFields fields;
    private final BadLinePolicy onBadLine;
    private final PromptCheck check;
    private final Map<String, Place> seen = new HashMap<>();

    /** A reader of the file's own rules only ({@link PromptCheck#NONE}). */
    public PromptFileReader(PromptFields fields, BadLinePolicy onBadLine) {
        this(fields, onBadLine, PromptCheck.NONE);
    }

    /** @param check what each prompt must also meet */
    public PromptFileReader(PromptFields fields, BadLinePolicy onBadLine, PromptCheck check) {
        this.fields = fields;
        this.onBadLine = onBadLine;
        this.check = check;
    }

    /**
     * Reads {@code file} as {@code format}.
     *
     * @throws PromptFileException as above
     * @throws IOException when the file cannot be read
     */
    public PromptFile read(Path file, PromptFormat format) throws IOException {
        Collector collector = collect(file, format, true);
        return new PromptFile(file, collector.records, collector.skipped);
    }

    /**
     * Checks {@code file} exactly as {@link #read} does (and remembers its ids for later files) without keeping
     * its prompts, so that a file of any size can be checked in little memory.
     *
     * @return the number of prompts {@link #read} would return
     * @throws PromptFileException as above
     * @throws IOException when the file cannot be read
     */
    public long count(Path file, PromptFormat format) throws IOException {
        return collect(file, format, false).accepted;
    }

    private Collector collect(Path file, PromptFormat format, boolean keep) throws IOException {
        Collector collector = new Collector(file, keep);
        if (format == PromptFormat.CSV) {
            CsvPromptSource.read(file, fields, collector);
        } else {
            JsonlPromptSource.read(file, fields, collector);
        }
        if (collector.accepted == 0) {
            String skipped = collector.skipped.isEmpty() ? "" : " (" + collector.skipped.size() + " bad lines skipped)";
            throw new PromptFileException(new LineProblem(file, 0, null, "no prompts" + skipped));
        }
        return collector;
    }

    private final class Collector implements LineSink {

        private final Path file;
        private final boolean keep;
        private final List<PromptRecord> records = new ArrayList<>();
        private final List<LineProblem> skipped = new ArrayList<>();
        private long accepted;

        Collector(Path file, boolean keep) {
            this.file = file;
            this.keep = keep;
        }

        @Override
        public void accept(long line, PromptRecord record) {
            Optional<String> refusal = check.refusal(record.content());
            if (refusal.isPresent()) {
                refuse(new LineProblem(file, line, contentField(record.content()), refusal.get()));
                return;
            }
            Place first = seen.putIfAbsent(record.id(), new Place(file, line));
            if (first == null) {
                accepted++;
                if (keep) {
                    records.add(record);
                }
            } else {
                refuse(duplicate(line, record, first.file() + ":" + first.line()));
            }
        }

        /** A content id repeats the content, which is the field at fault; an explicit id repeats the id. */
        private LineProblem duplicate(long line, PromptRecord record, String firstPlace) {
            PromptContent content = record.content();
            if (record.id().equals(PromptIds.contentId(content))) {
                return new LineProblem(file, line, contentField(content), "the same prompt as " + firstPlace
                        + " (content id '" + record.id() + "')");
            }
            return new LineProblem(file, line, fields.id(), "duplicate id '" + record.id() + "' (first at "
                    + firstPlace + ")");
        }

        /** The field that holds {@code content}: the messages of a chat prompt, else the prompt. */
        private String contentField(PromptContent content) {
            return content instanceof ChatPrompt ? fields.messages() : fields.prompt();
        }

        @Override
        public void refuse(LineProblem problem) {
            if (onBadLine == BadLinePolicy.FAIL) {
                throw new PromptFileException(problem);
            }
            skipped.add(problem);
        }
    }
}
