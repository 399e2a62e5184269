package dev.sppo.prompts;

import java.io.IOException;
import java.io.Reader;

/**
 * The text of a {@link Utf8LineReader} as a {@link Reader}, terminators included, so that a parser of multi-line
 * records (CSV) sees the file's characters exactly while invalid UTF-8 still names its line.
 */
final class Utf8LinesReader extends Reader {

    private final Utf8LineReader lines;
    private String chunk = "";
    private int offset;
    private boolean ended;

    Utf8LinesReader(Utf8LineReader lines) {
        this.lines = lines;
    }

    @Override
    public int read(char[] target, int from, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        while (offset == chunk.length()) {
            if (ended) {
                return -1;
            }
            Utf8LineReader.Line line = lines.next();
            ended = line == null;
            chunk = ended ? "" : line.text() + line.terminator();
            offset = 0;
        }
        int n = Math.min(count, chunk.length() - offset);
        chunk.getChars(offset, offset + n, target, from);
        offset += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
