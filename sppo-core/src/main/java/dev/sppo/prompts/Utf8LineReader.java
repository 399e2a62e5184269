package dev.sppo.prompts;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n} (a {@code \r} before it belongs to the terminator) and decodes
 * each line as strict UTF-8, so that invalid bytes are reported with the number of the line they are on and the
 * lines after it can still be read. A UTF-8 byte order mark at the start of the stream is dropped.
 */
final class Utf8LineReader implements Closeable {

    /**
     * One line.
     *
     * @param number 1-based
     * @param text the line without its terminator
     * @param terminator {@code "\n"}, {@code "\r\n"}, or {@code ""} for a last line without one
     */
    record Line(long number, String text, String terminator) {}

    /** A line that is not valid UTF-8; the reader has moved past it. */
    static final class InvalidUtf8Exception extends IOException {

        private final long line;

        InvalidUtf8Exception(long line, int byteOffset) {
            super("not valid UTF-8 (at byte " + (byteOffset + 1) + " of the line)");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long number;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line, or null at the end of the stream.
     *
     * @throws InvalidUtf8Exception when the line is not valid UTF-8 (the next call reads the line after it)
     */
    Line next() throws IOException {
        length = 0;
        boolean newline = readUntilNewline();
        if (!newline && length == 0) {
            return null;
        }
        number++;
        int start = number == 1 && startsWithBom() ? BOM.length : 0;
        int end = length;
        String terminator = "";
        if (newline) {
            boolean crlf = end > start && line[end - 1] == '\r';
            end -= crlf ? 1 : 0;
            terminator = crlf ? "\r\n" : "\n";
        }
        return new Line(number, decode(start, end), terminator);
    }

    private boolean readUntilNewline() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            int from = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(from, position);
            if (position < limit) {
                position++;
                return true;
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(2 * line.length, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private boolean startsWithBom() {
        return length >= BOM.length && Arrays.equals(line, 0, BOM.length, BOM, 0, BOM.length);
    }

    private String decode(int start, int end) throws InvalidUtf8Exception {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        try {
            CharBuffer chars = decoder.reset().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception(number, bytes.position() - start);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
