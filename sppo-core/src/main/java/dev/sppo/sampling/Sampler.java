package dev.sppo.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.AttentionMask;
import dev.sppo.model.KvCache;
import dev.sppo.model.Llama;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Batched autoregressive sampling of K responses per prompt, with or without a key/value cache.
 *
 * <p>Every response records log π(y|x) under the <em>untempered</em> model (temperature, top-k and top-p change
 * only which token is drawn), which the SPPO trainer uses as the reference log-prob. Each row draws from its
 * own generator split from {@code seed}, so a seed reproduces the batch exactly.
 */
public final class Sampler {

    private final Llama model;
    private final Set<Integer> stopIds;
    private final int padId;

    public Sampler(Llama model, Collection<Integer> stopIds, int padId) {
        this.model = model;
        this.stopIds = Set.copyOf(stopIds);
        this.padId = padId;
    }

    /** Samples with the key/value cache. */
    public List<Sample> sample(List<int[]> prompts, SamplingParams params) {
        return sample(prompts, params, true);
    }

    /**
     * Samples {@code params.numSamples()} responses for each prompt.
     *
     * @param useCache true: one prefill pass then one token per step; false: recompute the whole prefix each step
     */
    public List<Sample> sample(List<int[]> prompts, SamplingParams params, boolean useCache) {
        validate(prompts);
        DecodeState state = new DecodeState(prompts, params.numSamples(), params.maxNewTokens(), padId, stopIds);
        TokenChooser chooser = new TokenChooser(params);
        SplittableRandom master = new SplittableRandom(params.seed());
        SplittableRandom[] rngs = new SplittableRandom[state.rows()];
        for (int r = 0; r < rngs.length; r++) {
            rngs[r] = master.split();
        }
        int vocab = model.config().vocabSize();
        try (NDManager manager = NDManager.newBaseManager();
                KvCache cache = useCache ? new KvCache(model.config().numHiddenLayers()) : null) {
            float[] logits = lastLogits(manager, state, 0, cache);
            for (int step = 0; step < params.maxNewTokens(); step++) {
                state.advance(logits, vocab, chooser, rngs, padId);
                if (state.allFinished() || step == params.maxNewTokens() - 1) {
                    break;
                }
                int from = useCache ? state.length() - 1 : 0;
                logits = lastLogits(manager, state, from, cache);
            }
        }
        return state.samples();
    }

    /** Runs columns [from, length) through the model and returns the last column's (R, V) logits. */
    private float[] lastLogits(NDManager manager, DecodeState state, int from, KvCache cache) {
        try (NDScope ignored = new NDScope()) {
            int rows = state.rows();
            int width = state.length() - from;
            NDArray ids = manager.create(state.idColumns(from), new Shape(rows, width));
            NDArray positions = manager.create(state.positionColumns(from), new Shape(rows, width));
            NDArray bias = AttentionMask.padded(manager, state.keyValid(), from, width);
            NDArray logits = model.forward(ids, positions, bias, cache);
            return logits.get(new NDIndex(":, -1, :")).toFloatArray();
        }
    }

    private void validate(List<int[]> prompts) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("prompts: at least one prompt is needed");
        }
        int vocab = model.config().vocabSize();
        for (int i = 0; i < prompts.size(); i++) {
            int[] prompt = prompts.get(i);
            if (prompt.length == 0) {
                throw new IllegalArgumentException("prompts[" + i + "]: empty prompt (it needs at least one token)");
            }
            for (int id : prompt) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException(
                            "prompts[" + i + "]: token id " + id + " is outside the vocabulary [0, " + vocab + ")");
                }
            }
        }
    }
}
