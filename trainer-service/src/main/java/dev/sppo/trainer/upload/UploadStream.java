package dev.sppo.trainer.upload;

import dev.sppo.checkpoint.Digests;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * An upload's body as it is read: counts its bytes, computes their SHA-256, and refuses to read past its
 * {@link UploadLimit} with an {@link UploadTooLargeException}. A body that declares a larger length is refused
 * before a byte is read. Nothing is buffered beyond what the reader asks for, so a body of any size passes in
 * constant memory.
 */
public final class UploadStream extends FilterInputStream {

    private static final int SKIP_BUFFER_BYTES = 1 << 16;

    private final UploadLimit limit;
    private final MessageDigest digest;
    private long bytes;

    private UploadStream(InputStream body, UploadLimit limit) {
        super(body);
        this.limit = limit;
        this.digest = Digests.newSha256();
    }

    /**
     * @param declaredLength the body's {@code Content-Length}, or -1 when it is not known (chunked)
     * @throws UploadTooLargeException when the declared length exceeds the limit
     */
    public static UploadStream of(InputStream body, long declaredLength, UploadLimit limit) {
        if (declaredLength > limit.maxBytes()) {
            throw limit.exceeded("the upload");
        }
        return new UploadStream(body, limit);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes are read, so that they are counted and hashed too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), SKIP_BUFFER_BYTES)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Writes the rest of the body to {@code file}, replacing what it held. */
    public void copyTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            transferTo(out);
        }
    }

    /** Reads the rest of the body, so that {@link #bytes()} and {@link #sha256()} cover all of it. */
    public void drain() throws IOException {
        transferTo(OutputStream.nullOutputStream());
    }

    /** The bytes read so far. */
    public long bytes() {
        return bytes;
    }

    /** The SHA-256 of the bytes read so far, as 64 lowercase hex digits; call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void count(int n) {
        bytes += n;
        if (bytes > limit.maxBytes()) {
            throw limit.exceeded("the upload");
        }
    }
}
