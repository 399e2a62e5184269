package dev.sppo.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests of checkpoint files, computed by streaming so files of any size fit. */
public final class Digests {

    private static final int BUFFER_BYTES = 1 << 20;

    private Digests() {
    }

    /**
     * The SHA-256 of the bytes of {@code file}, as 64 lowercase hex digits.
     *
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static String sha256(Path file) {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot digest", file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of {@code bytes}, as 64 lowercase hex digits. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    /** A fresh SHA-256 digest, for content that is hashed as it streams past (an upload, say). */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
