package dev.sppo.trainer.dataset;

import dev.sppo.service.auth.Caller;
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
 * {@code prompts.dataset} is resolved here to the stored file ({@link #find(String, Caller)}, {@link #path}).
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
     * Moves a received and checked file into the store as {@code dataset}, atomically, and records it as
     * {@code owner}'s.
     *
     * @return the row as stored
     */
    Dataset keep(Path received, Dataset dataset, String owner) throws IOException {
        Path file = path(dataset);
        Files.move(received, file, StandardCopyOption.ATOMIC_MOVE);
        try {
            rows.insert(dataset, owner);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return rows.find(dataset.id()).orElseThrow(() -> new IllegalStateException(
                "dataset " + dataset.id() + " vanished after insert"));
    }

    /**
     * The dataset with this id, if {@code caller} may see it; empty for another user's, an unknown id and one that is
     * not a UUID.
     */
    public Optional<Dataset> find(String id, Caller caller) {
        return UploadIds.parse(id).flatMap(uuid -> rows.find(uuid, caller));
    }

    /** The newest datasets {@code caller} may see first. */
    public List<Dataset> newest(int limit, Caller caller) {
        return rows.newest(limit, caller);
    }

    /** Where the dataset's file lies on the trainer's disk. */
    public Path path(Dataset dataset) {
        return root.resolve(dataset.storedFileName());
    }
}
