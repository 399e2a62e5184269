package dev.sppo.trainer.basemodel;

import dev.sppo.service.ConfinedDirectory;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
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
    private final ConfinedDirectory confined;

    public ModelsRoot(ModelProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
        this.incoming = root.resolve(".incoming");
        this.confined = new ConfinedDirectory(root, incoming);
    }

    /**
     * The directory {@code requested} names inside the root, relative to it or absolute ({@link ConfinedDirectory}:
     * links followed; the root itself and the uploads in progress count as outside).
     *
     * @return the directory (it may not exist), or empty when it lies outside the root
     */
    public Optional<Path> resolve(String requested) {
        return confined.resolve(requested);
    }

    /** The root directory, absolute. */
    public Path root() {
        return root;
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
}
