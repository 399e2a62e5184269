package dev.sppo.service.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a checkpoint archive from the store into a fresh directory: only files whose names stay inside it, and no
 * more bytes than the manifest announces (a corrupted or hostile archive cannot fill the disk). A problem is
 * returned in words, so that the caller can fetch the archive again.
 */
final class ArchiveUnpacker {

    private ArchiveUnpacker() {}

    /**
     * @param maxBytes the most bytes all files may hold together (the manifest's total)
     * @return empty when every entry was written; else what was wrong, naming the entry
     */
    static Optional<String> unpack(Path archive, Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        long written = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || !target.startsWith(dir) || target.equals(dir)) {
                    return Optional.of("archive entry '" + entry.getName() + "' lies outside the checkpoint");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    long left = maxBytes - written;
                    long copied = copy(zip, out, left + 1);
                    if (copied > left) {
                        return Optional.of("archive holds more than the manifest's " + maxBytes + " bytes (at entry '"
                                + entry.getName() + "')");
                    }
                    written += copied;
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return Optional.of("archive is not a readable zip: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Copies at most {@code limit} bytes. */
    static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }
}
