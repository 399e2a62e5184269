package dev.sppo.trainer.checkpoint;

import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.store.CheckpointManifest;
import dev.sppo.model.Policy;
import dev.sppo.trainer.TrainerProperties;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link CheckpointStore} on a directory ({@code sppo.trainer.checkpoint-dir}, a shared volume when the
 * services run apart): checkpoint {@code id} is {@code <root>/checkpoints/<id>}, named by its {@code file:} URI.
 */
@Component
public class DirectoryCheckpointStore implements CheckpointStore {

    private final Path checkpoints;

    public DirectoryCheckpointStore(TrainerProperties properties) {
        this.checkpoints = properties.checkpointDir().toAbsolutePath().normalize().resolve("checkpoints");
    }

    @Override
    public StoredCheckpoint save(String id, Policy policy, Map<String, String> metadata) throws IOException {
        Path dir = directoryOf(id);
        ModelDirectory.save(policy, dir, metadata);
        return describe(dir);
    }

    @Override
    public StoredCheckpoint adopt(String id, Path directory) throws IOException {
        Path dir = directoryOf(id);
        Files.createDirectories(checkpoints);
        // A run that crashed after its move left its files under this id; it writes them again.
        DirectoryTrees.delete(dir);
        Files.move(directory, dir, StandardCopyOption.ATOMIC_MOVE);
        return describe(dir);
    }

    private static StoredCheckpoint describe(Path dir) {
        CheckpointManifest manifest = CheckpointManifest.of(dir);
        String weights = AdapterDirectory.isAdapter(dir) ? AdapterDirectory.WEIGHTS_FILE : ModelDirectory.WEIGHTS_FILE;
        return new StoredCheckpoint(dir.toUri(), Digests.sha256(dir.resolve(weights)), manifest.digest(),
                manifest.totalBytes());
    }

    @Override
    public void writeArchive(URI uri, OutputStream out) throws IOException {
        Path dir = directory(uri);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        for (Path file : files(dir)) {
            zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    private Path directoryOf(String id) {
        Path dir = checkpoints.resolve(id).normalize();
        if (!dir.getParent().equals(checkpoints)) {
            throw new IllegalArgumentException("checkpoint id '" + id + "' is not a plain directory name");
        }
        return dir;
    }

    /** The directory behind a {@code file:} URI of this store. */
    @Override
    public Path directory(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new IllegalArgumentException("checkpoint URI " + uri + " is not a file: URI of the directory store");
        }
        Path dir = Path.of(uri).normalize();
        if (!dir.startsWith(checkpoints)) {
            throw new IllegalArgumentException("checkpoint URI " + uri + " lies outside the store " + checkpoints);
        }
        return dir;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
