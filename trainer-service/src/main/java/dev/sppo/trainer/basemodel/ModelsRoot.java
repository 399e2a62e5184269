package dev.sppo.trainer.basemodel;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The models root ({@code sppo.trainer.models.root}): the one place on the trainer's disk a job may start from. An
 * uploaded model is unpacked into {@code .incoming/} and moved to {@code <root>/<id>} by one rename; an operator may
 * place other Hugging Face directories here. A job's {@code base.path} names a directory inside it
 * ({@link #resolve}).
 */
@Component
public class ModelsRoot {

    private final Path root;
    private final Path incoming;

    public ModelsRoot(ModelProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
        this.incoming = root.resolve(".incoming");
    }

    /**
     * The directory {@code requested} names inside the root: relative to it, or absolute. Symbolic links are
     * followed (those of its deepest existing ancestor, when it does not exist), and a directory they lead out of
     * the root to counts as outside; so do the root itself and the uploads in progress.
     *
     * @return the directory (it may not exist), or empty when it lies outside the root
     */
    public Optional<Path> resolve(String requested) {
        Path candidate;
        try {
            candidate = root.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!inside(candidate, root, incoming)) {
            return Optional.empty();
        }
        try {
            Path realRoot = real(root);
            Path real = real(candidate);
            return inside(real, realRoot, realRoot.resolve(incoming.getFileName())) ? Optional.of(real)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the uploaded model's directory lies on the trainer's disk. */
    public Path directory(BaseModel model) {
        return root.resolve(model.id().toString());
    }

    /** A new, empty directory to unpack an upload into, on the same file system as the root. */
    Path newStaging() throws IOException {
        Files.createDirectories(incoming);
        return Files.createTempDirectory(incoming, "upload-");
    }

    /** Moves an unpacked and checked model directory to {@code <root>/<id>} by one rename; returns where it went. */
    Path moveIn(Path unpacked, BaseModel model) throws IOException {
        Path dir = directory(model);
        Files.move(unpacked, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** {@code path} with its links resolved: those of its deepest existing ancestor, the rest as written. */
    private static Path real(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
    }

    private static boolean inside(Path path, Path root, Path excluded) {
        return path.startsWith(root) && !path.equals(root) && !path.startsWith(excluded);
    }
}
