package dev.sppo.trainer.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.Digests;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.loop.PolicyWeights;
import dev.sppo.model.Policy;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A job's policies as the engine's {@link PolicyWeights} loads and saves them, on the checkpoints of the store: π_t
 * from its checkpoint row (a model directory, or an adapter directory loaded on the base its row names, whatever
 * the adapter's {@code base_model_name_or_path} says), and π_{t+1} written as the job's weights config says (a model
 * directory, or with {@code lora.per_iteration: continue} a PEFT adapter directory on π_0) and moved into the store.
 */
@Component
public class CheckpointPolicies {

    private final CheckpointStore store;
    private final CheckpointRepository checkpoints;

    public CheckpointPolicies(CheckpointStore store, CheckpointRepository checkpoints) {
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /** {@code checkpoint}'s policy to sample or score with, its weights checked against their recorded sha256. */
    public Policy frozen(PolicyWeights weights, Checkpoint checkpoint, NDManager manager) throws IOException {
        Path dir = verified(checkpoint.id(), checkpoint.uri(), checkpoint.sha256());
        return weights.frozen(dir, baseDirectory(checkpoint, dir), manager);
    }

    /**
     * π_t to train in iteration (or round) t, from {@code checkpoint}, π_t's checkpoint, its weights checked
     * against their recorded sha256.
     */
    public Policy trainable(PolicyWeights weights, Checkpoint checkpoint, int t, NDManager manager)
            throws IOException {
        Path dir = verified(checkpoint.id(), checkpoint.uri(), checkpoint.sha256());
        return weights.trainable(dir, baseDirectory(checkpoint, dir), t, manager);
    }

    /**
     * The directory of checkpoint {@code id} once its weights file has the sha256 its row recorded when it was
     * written; a file changed or cut short since is refused, named.
     *
     * @throws MalformedCheckpointException naming the weights file, the recorded and the found digest
     */
    private Path verified(String id, URI uri, String sha256) {
        Path dir = store.directory(uri);
        Path file = dir.resolve(AdapterDirectory.isAdapter(dir) ? AdapterDirectory.WEIGHTS_FILE
                : ModelDirectory.WEIGHTS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new MalformedCheckpointException(file, "checkpoint " + id + "'s weights are missing");
        }
        String found = Digests.sha256(file);
        if (!found.equals(sha256)) {
            throw new MalformedCheckpointException(file, "checkpoint " + id + " was recorded with sha256 " + sha256
                    + ", the file has " + found + " (changed or cut short since)");
        }
        return dir;
    }

    /**
     * Saves {@code policy}, trained in iteration t from {@code parent}, as the job's checkpoint v{t+1}: written into
     * {@code staging}, moved into the store and recorded; an adapter with π_0 as its base.
     */
    public Checkpoint save(PolicyWeights weights, Policy policy, Checkpoint parent, int t, Path staging,
            Map<String, String> metadata) throws IOException {
        Checkpoint base = checkpoints.require(parent.jobId(), 0);
        weights.save(policy, store.directory(base.uri()), staging, metadata, t);
        AdapterBase adapterBase = AdapterDirectory.isAdapter(staging) ? AdapterBase.of(base) : null;
        StoredCheckpoint stored = store.adopt(Checkpoint.idOf(parent.jobId(), t + 1), staging);
        return checkpoints.record(parent.jobId(), t + 1, stored, parent.id(), adapterBase);
    }

    /** The model directory an adapter checkpoint loads on, verified; for a model, its own {@code dir}. */
    private Path baseDirectory(Checkpoint checkpoint, Path dir) {
        AdapterBase base = checkpoint.base();
        return base == null ? dir : verified(base.id(), base.uri(), base.sha256());
    }
}
