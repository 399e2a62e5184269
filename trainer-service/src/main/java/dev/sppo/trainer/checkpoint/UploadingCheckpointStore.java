package dev.sppo.trainer.checkpoint;

import dev.sppo.contracts.store.StoreEntry;
import dev.sppo.model.Policy;
import dev.sppo.service.store.CheckpointRefusedException;
import dev.sppo.service.store.S3CheckpointBucket;
import dev.sppo.service.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code s3:} store on the trainer's side: each checkpoint is written to the {@link DirectoryCheckpointStore}
 * (the working copy the trainer trains, evaluates and serves from, and whose {@code file:} URI its row keeps), then
 * uploaded to the bucket, every file and then its entry, which is read back and compared with the manifest digest
 * of the working copy. Only then does {@link #save} or {@link #adopt} return, so a checkpoint row, and the event
 * that announces it, is only ever recorded for a checkpoint that readers can fetch whole. An unreachable store is
 * retried with backoff (a WARN line per attempt); when it stays unreachable the save fails with a
 * {@link StoreUnavailableException}, on which a job's step is tried again (as one that lost the database) and a
 * preference-model run fails with the reason.
 */
public final class UploadingCheckpointStore implements CheckpointStore {

    /** Checkpoint uploads, by outcome ({@code uploaded}, {@code unavailable}, {@code refused}). */
    public static final String UPLOADS_METER = "sppo.checkpoint.store.uploads";
    private static final Logger LOG = LoggerFactory.getLogger(UploadingCheckpointStore.class);

    private final DirectoryCheckpointStore local;
    private final S3CheckpointBucket bucket;
    private final MeterRegistry registry;

    public UploadingCheckpointStore(DirectoryCheckpointStore local, S3CheckpointBucket bucket,
            MeterRegistry registry) {
        this.local = local;
        this.bucket = bucket;
        this.registry = registry;
    }

    @Override
    public StoredCheckpoint save(String id, Policy policy, Map<String, String> metadata) throws IOException {
        return uploaded(id, local.save(id, policy, metadata));
    }

    @Override
    public StoredCheckpoint adopt(String id, Path directory) throws IOException {
        return uploaded(id, local.adopt(id, directory));
    }

    private StoredCheckpoint uploaded(String id, StoredCheckpoint stored) throws IOException {
        long began = System.nanoTime();
        try {
            StoreEntry entry = bucket.upload(id, local.directory(stored.uri()));
            if (!entry.manifestSha256().equals(stored.manifestSha256())) {
                throw new IOException("checkpoint '" + id + "': uploaded manifest " + entry.manifestSha256()
                        + " differs from the working copy's " + stored.manifestSha256());
            }
        } catch (StoreUnavailableException e) {
            count("unavailable");
            throw e;
        } catch (CheckpointRefusedException | IOException e) {
            count("refused");
            throw e;
        }
        count("uploaded");
        LOG.info("Uploaded checkpoint {} ({} bytes) to {} in {} ms", id, stored.bytes(), bucket.url(),
                (System.nanoTime() - began) / 1_000_000);
        return stored;
    }

    private void count(String outcome) {
        registry.counter(UPLOADS_METER, "outcome", outcome).increment();
    }

    @Override
    public Path directory(URI uri) {
        return local.directory(uri);
    }

    @Override
    public void writeArchive(URI uri, OutputStream out) throws IOException {
        local.writeArchive(uri, out);
    }
}
