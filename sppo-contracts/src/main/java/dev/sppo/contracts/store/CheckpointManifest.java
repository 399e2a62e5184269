package dev.sppo.contracts.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every file of a checkpoint directory (weights and their shards, adapters, tokenizer and config files) with its
 * size and SHA-256, sorted by path; its {@link #digest()} is one SHA-256 over the {@link #canonical()} text, so
 * that one value recorded with the checkpoint covers every byte of every file and every file name. The writer
 * (the trainer's store) records the digest; a reader that received the files computes the manifest of what it
 * unpacked and compares.
 *
 * @param files the files, sorted by path
 */
public record CheckpointManifest(List<ManifestFile> files) {

    public CheckpointManifest {
        files = List.copyOf(files);
    }

    /**
     * The manifest of the regular files under {@code dir}, at any depth (links are not followed, and a link is
     * not a file of the checkpoint).
     *
     * @throws UncheckedIOException naming the directory or file that could not be read
     * @throws IllegalArgumentException naming a file whose name holds a line break, which no manifest line can
     *     carry
     */
    public static CheckpointManifest of(Path dir) {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String path = dir.relativize(file).toString().replace('\\', '/');
                if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("checkpoint file '" + path + "' in " + dir
                            + ": a file name with a line break cannot be listed in a manifest");
                }
                files.add(new ManifestFile(path, Files.size(file), sha256(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint directory " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(ManifestFile::path));
        return new CheckpointManifest(files);
    }

    /** One line per file, {@code <sha256> <bytes> <path>}, each ended by a line feed, in path order. */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        files.forEach(file -> text.append(file.line()));
        return text.toString();
    }

    /** The SHA-256 of the UTF-8 bytes of {@link #canonical()}, 64 lowercase hex digits. */
    public String digest() {
        return HexFormat.of().formatHex(newSha256().digest(canonical().getBytes(StandardCharsets.UTF_8)));
    }

    /** The size of all the files together. */
    public long totalBytes() {
        return files.stream().mapToLong(ManifestFile::bytes).sum();
    }

    /**
     * The first way {@code other} differs from this manifest, in words that name the file ({@code model.safetensors:
     * sha256 ab12... expected, got cd34...}); empty when they list the same files with the same sizes and digests.
     */
    public Optional<String> differenceFrom(CheckpointManifest other) {
        for (int i = 0; i < Math.max(files.size(), other.files.size()); i++) {
            ManifestFile expected = i < files.size() ? files.get(i) : null;
            ManifestFile got = i < other.files.size() ? other.files.get(i) : null;
            if (expected == null || got == null || !expected.path().equals(got.path())) {
                return Optional.of("file " + (expected == null ? "(none)" : expected.path()) + " expected, got "
                        + (got == null ? "(none)" : got.path()));
            }
            if (!expected.equals(got)) {
                return Optional.of(expected.path() + ": " + expected.bytes() + " bytes with sha256 " + expected.sha256()
                        + " expected, got " + got.bytes() + " bytes with sha256 " + got.sha256());
            }
        }
        return Optional.empty();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file);
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
