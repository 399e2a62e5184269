package dev.sppo.trainer.checkpoint;

import dev.sppo.model.Policy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where checkpoint bytes live: a Hugging Face model directory (or a PEFT adapter directory) per checkpoint, named by
 * a URI that other services can read. Weights never travel on Kafka, only these URIs do. Policies are loaded from
 * {@link #directory(URI)} ({@link CheckpointPolicies}).
 */
public interface CheckpointStore {

    /** Writes {@code policy} as checkpoint {@code id}, atomically: a reader never sees half a checkpoint. */
    StoredCheckpoint save(String id, Policy policy, Map<String, String> metadata) throws IOException;

    /**
     * Moves a finished model directory (any Hugging Face-layout directory: a policy, a ranker, a reward model)
     * into the store as checkpoint {@code id}, atomically, and describes it.
     */
    StoredCheckpoint adopt(String id, Path directory) throws IOException;

    /** The local Hugging Face directory of the checkpoint at {@code uri}, for a job that starts from it. */
    Path directory(URI uri);

    /** Writes the checkpoint's files to {@code out} as a zip archive, its files at the archive's root. */
    void writeArchive(URI uri, OutputStream out) throws IOException;
}
