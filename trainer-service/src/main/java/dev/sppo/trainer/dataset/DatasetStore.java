package dev.sppo.trainer.dataset;

import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.upload.UploadIds;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The uploaded prompt datasets: their files beside the checkpoints ({@code <checkpoint-dir>/datasets/<id>.<format>},
 * each written whole by one rename from {@code datasets/.incoming/}) and their rows in {@code datasets}. A job's
 * {@code prompts.dataset} is resolved here to the stored file ({@link #find}, {@link #path}).
 */
@Component
public class DatasetStore {

    private final Path root;
    private final Path incoming;
    private final DatasetRepository rows;

    public DatasetStore(TrainerProperties properties, DatasetRepository rows) {
        this.root = properties.checkpointDir().toAbsolutePath().normalize().resolve("datasets");
        this.incoming = root.resolve(".incoming");
        this.rows = rows;
    }

    /** A new, empty file to receive an upload into, on the same file system as the stored datasets. */
    Path newIncomingFile() throws IOException {
        Files.createDirectories(incoming);
        return Files.createTempFile(incoming, "upload-", ".part");
    }

    /**
     * Moves a received and checked file into the store as {@code dataset}, atomically, and records it.
     *
     * @return the row as stored
     */
    Dataset keep(Path received, Dataset dataset) throws IOException {
        Path file = path(dataset);
        Files.move(received, file, StandardCopyOption.ATOMIC_MOVE);
        try {
            rows.insert(dataset);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return rows.find(dataset.id()).orElseThrow(() -> new IllegalStateException(
                "dataset " + dataset.id() + " vanished after insert"));
    }

    /** The dataset with this id; empty for an unknown id or one that is not a UUID. */
    public Optional<Dataset> find(String id) {
        return UploadIds.parse(id).flatMap(rows::find);
    }

    /** The newest datasets first. */
    public List<Dataset> newest(int limit) {
        return rows.newest(limit);
    }

    /** Where the dataset's file lies on the trainer's disk. */
    public Path path(Dataset dataset) {
        return root.resolve(dataset.storedFileName());
    }
}
