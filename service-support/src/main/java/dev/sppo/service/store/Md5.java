package dev.sppo.service.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The base64 MD5 an S3 upload carries as {@code Content-MD5}, so that the store refuses bytes changed in transit. */
final class Md5 {

    private Md5() {}

    static String base64Of(Path file) throws IOException {
        MessageDigest md5 = newMd5();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                md5.update(buffer, 0, read);
            }
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    static String base64Of(byte[] bytes) {
        return Base64.getEncoder().encodeToString(newMd5().digest(bytes));
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks MD5, which every Java platform must provide", e);
        }
    }
}
