package dev.sppo.preference.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * all-MiniLM-L6-v2 from the test class path (the langchain4j artifact), written once per JVM to a temporary
 * directory as {@code model.onnx} and {@code tokenizer.json} and deleted when the JVM exits.
 */
public final class MiniLm {

    private static Path dir;

    private MiniLm() {}

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path created = Files.createTempDirectory("minilm");
                new EncoderSource(EncoderSource.PREFIX + EncoderSource.MINILM).copyTo(created);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
                dir = created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
