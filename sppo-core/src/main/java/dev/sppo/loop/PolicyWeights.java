package dev.sppo.loop;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.AdapterDirectory;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.checkpoint.PolicyDirectory;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.Policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a run's policies and writes its checkpoints as its {@link WeightsConfig} says: every parameter trained and
 * saved as a model directory; or a LoRA adapter on a frozen base, saved as a PEFT adapter directory on that base
 * ({@link AdapterTraining.PerIteration#CONTINUE}) or merged into it after each iteration and saved as a model
 * directory ({@link AdapterTraining.PerIteration#FRESH}). The in-process loop keeps π_t in memory between iterations;
 * the platform's trainer loads it from π_t's checkpoint each iteration ({@link #trainable(Path, Path, int, NDManager)}),
 * which gives the same policy.
 */
public final class PolicyWeights {

    private final WeightsConfig weights;
    private final long seed;

    public PolicyWeights(WeightsConfig weights, long seed) {
        this.weights = weights;
        this.seed = seed;
    }

    /** π_0 to train: the base, with a fresh adapter (B = 0, so still π_0) when the run trains one. */
    Policy trainable(Path base, NDManager manager) throws IOException {
        return trainable(base, base, 0, manager);
    }

    /**
     * π_t to train in iteration t, from its checkpoint: an adapter directory goes on training on {@code base}; a
     * model directory trains every parameter, or gets iteration t's fresh adapter (B = 0, so still π_t), seeded as
     * the in-process loop seeds it.
     */
    public Policy trainable(Path checkpoint, Path base, int t, NDManager manager) throws IOException {
        AdapterTraining adapter = weights.adapter();
        if (AdapterDirectory.isAdapter(checkpoint)) {
            return AdapterDirectory.load(base, checkpoint, weights.baseDtype(), manager);
        }
        if (adapter == null) {
            return ModelDirectory.load(checkpoint, manager);
        }
        return ModelDirectory.load(checkpoint, manager, (config, values) -> LlamaWeights.adapted(values,
                weights.baseDtype(), LoraAdapter.fresh(adapter.lora(), adapterSeed(t))));
    }

    /** A frozen policy from a checkpoint this run wrote (or the base), held in the base's dtype. */
    Policy frozen(Path checkpoint, NDManager manager) throws IOException {
        return PolicyDirectory.load(checkpoint, weights.baseDtype(), manager);
    }

    /**
     * A frozen policy from a checkpoint this run wrote: an adapter directory loaded on {@code base} (whatever its
     * {@code base_model_name_or_path} says), or a model directory; held in the base's dtype.
     */
    public Policy frozen(Path checkpoint, Path base, NDManager manager) throws IOException {
        return AdapterDirectory.isAdapter(checkpoint)
                ? AdapterDirectory.load(base, checkpoint, weights.baseDtype(), manager)
                : frozen(checkpoint, manager);
    }

    /**
     * Writes π_{t+1} to {@code dir}; with a fresh adapter per iteration, then folds the adapter into the base and
     * starts a new one, so that the policy in memory is π_{t+1} with B = 0.
     */
    public void save(Policy policy, Path base, Path dir, Map<String, String> metadata, int t) throws IOException {
        AdapterTraining adapter = weights.adapter();
        if (adapter != null && adapter.perIteration() == AdapterTraining.PerIteration.CONTINUE) {
            AdapterDirectory.save(policy.model(), dir, base.toAbsolutePath().normalize().toString());
            return;
        }
        ModelDirectory.save(policy, dir, metadata, weights.save());
        if (adapter != null) {
            policy.model().mergeAdapter(LoraAdapter.fresh(adapter.lora(), adapterSeed(t + 1)).weights());
        }
    }

    private long adapterSeed(int iteration) {
        return seed * 7919 + iteration;
    }
}
