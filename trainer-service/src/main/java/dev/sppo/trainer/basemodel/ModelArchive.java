package dev.sppo.trainer.basemodel;

import dev.sppo.trainer.upload.RejectedUploadException;
import dev.sppo.trainer.upload.UploadLimit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a model archive into an empty directory, entry by entry as the bytes arrive: a tar archive
 * ({@code tar -C model-dir -cf - .}), gzip-compressed or not (told apart by its first two bytes, 1f 8b). Only regular
 * files and directories with relative names that stay inside the directory are written. Refused, naming the entry
 * ({@link RejectedUploadException}): an absolute name, a {@code ..} segment, a symbolic or hard link, a device or
 * FIFO, a name that clashes with an earlier entry, more than {@value #MAX_ENTRIES} entries, and bytes that are not a
 * tar archive; files adding up to more than the limit are an {@link dev.sppo.trainer.upload.UploadTooLargeException}.
 */
final class ModelArchive {

    /** A Hugging Face model directory has tens of files; this bounds what a hostile archive can create. */
    static final int MAX_ENTRIES = 10_000;
    private static final String TITLE = "Invalid model archive";
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final int GZIP_MAGIC = 0x8b1f;

    private ModelArchive() {}

    /** Unpacks {@code archive} into {@code dir}; reads the archive up to its end-of-archive blocks. */
    static void unpack(InputStream archive, Path dir, UploadLimit limit) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(archive));
        long total = 0;
        int entries = 0;
        for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
            if (++entries > MAX_ENTRIES) {
                throw refused(entry.getName(), "the archive has more than " + MAX_ENTRIES + " entries");
            }
            Path target = target(dir, entry);
            total += entry.isDirectory() ? 0 : entry.getSize();
            if (total > limit.maxBytes()) {
                throw limit.exceeded("the unpacked archive");
            }
            write(tar, entry, target);
        }
    }

    private static InputStream decompressed(InputStream archive) throws IOException {
        BufferedInputStream in = new BufferedInputStream(archive);
        in.mark(2);
        int magic = in.read() | (in.read() << 8);
        in.reset();
        if (magic != GZIP_MAGIC) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            throw new RejectedUploadException(TITLE, "not a gzip stream: " + e.getMessage(), Map.of());
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new RejectedUploadException(TITLE, "not a tar archive (or a gzip-compressed one): " + e.getMessage(),
                    Map.of());
        }
    }

    /** Where {@code entry} goes inside {@code dir}: only a relative name without {@code ..} segments. */
    private static Path target(Path dir, TarArchiveEntry entry) {
        String name = entry.getName();
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw refused(name, "links are not accepted (archive the files they point to instead)");
        }
        if (!entry.isDirectory() && !isRegularFile(entry)) {
            throw refused(name, "only regular files and directories are accepted");
        }
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).lookingAt()) {
            throw refused(name, "an absolute path; names must be relative to the model directory");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refused(name, "a '..' segment; names must stay inside the model directory");
            }
        }
        Path target;
        try {
            target = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw refused(name, "not a valid file name");
        }
        if (!target.startsWith(dir) || (target.equals(dir) && !entry.isDirectory())) {
            throw refused(name, "names must stay inside the model directory");
        }
        return target;
    }

    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }

    private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path target) throws IOException {
        try {
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(tar, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw refused(entry.getName(), "clashes with an earlier entry of the archive");
        } catch (EOFException e) {
            throw refused(entry.getName(), "the archive ends inside this entry (truncated)");
        }
    }

    private static RejectedUploadException refused(String entry, String reason) {
        return new RejectedUploadException(TITLE, "entry '" + entry + "': " + reason, Map.of("entry", entry,
                "reason", reason));
    }
}
