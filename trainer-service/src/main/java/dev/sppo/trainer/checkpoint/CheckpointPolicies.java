package dev.sppo.trainer.checkpoint;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.loop.PolicyWeights;
import dev.sppo.model.Policy;

import org.springframework.stereotype.Component;

import java.io.IOException;
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

    /** {@code checkpoint}'s policy to sample or score with. */
    public Policy frozen(PolicyWeights weights, Checkpoint checkpoint, NDManager manager) throws IOException {
        return weights.frozen(store.directory(checkpoint.uri()), baseDirectory(checkpoint), manager);
    }

    /** π_t to train in iteration (or round) t, from {@code checkpoint}, π_t's checkpoint. */
    public Policy trainable(PolicyWeights weights, Checkpoint checkpoint, int t, NDManager manager)
            throws IOException {
        return weights.trainable(store.directory(checkpoint.uri()), baseDirectory(checkpoint), t, manager);
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

    /** The model directory an adapter checkpoint loads on; for a model, its own directory. */
    private Path baseDirectory(Checkpoint checkpoint) {
        return store.directory(checkpoint.base() == null ? checkpoint.uri() : checkpoint.base().uri());
    }
}
