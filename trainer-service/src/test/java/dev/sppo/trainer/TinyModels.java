package dev.sppo.trainer;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.CharTokenizer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** A tiny random Hugging Face model directory for the addition task, and tar archives of it, safe or not. */
final class TinyModels {

    private static final CharTokenizer TOKENIZER = new CharTokenizer("0123456789+=");

    private TinyModels() {}

    /** Writes a random 1-layer, 16-wide LLaMA with the addition task's characters to {@code dir}. */
    static Path write(Path dir) throws IOException {
        LlamaConfig config = LlamaConfig.builder().vocabularyOf(TOKENIZER).hiddenSize(16).numHiddenLayers(1)
                .numAttentionHeads(2).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelDirectory.save(new Policy(Llama.random(config, manager, 5), TOKENIZER), dir, Map.of());
        }
        return dir;
    }

    /** Every file of {@code dir} in a tar archive, under {@code prefix} (such as "" or "my-model/"). */
    static byte[] tar(Path dir, String prefix, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Path file : files(dir)) {
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), prefix + dir.relativize(file));
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The model's files at the archive's root, then one more entry that the trainer must refuse. */
    static byte[] tarWithHostileEntry(Path dir, TarArchiveEntry hostile) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Path file : files(dir)) {
                tar.putArchiveEntry(new TarArchiveEntry(file.toFile(), dir.relativize(file).toString()));
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
            byte[] content = "evil".getBytes(StandardCharsets.UTF_8);
            if (hostile.isFile() && !hostile.isSymbolicLink() && !hostile.isLink()) {
                hostile.setSize(content.length);
            }
            tar.putArchiveEntry(hostile);
            if (hostile.getSize() > 0) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** A file entry named {@code name} exactly as given (absolute names are kept). */
    static TarArchiveEntry file(String name) {
        return new TarArchiveEntry(name, true);
    }

    /** A symbolic link ({@link TarConstants#LF_SYMLINK}) or hard link ({@link TarConstants#LF_LINK}). */
    static TarArchiveEntry link(String name, byte type, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setLinkName(target);
        return entry;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
