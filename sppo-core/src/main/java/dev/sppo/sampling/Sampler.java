package dev.sppo.sampling;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.sppo.model.Llama;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Batched autoregressive sampling of K responses per prompt, with or without a key/value cache ({@link Decoding}).
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

    /**
     * Samples with the key/value cache, each prompt's part computed once for its K samples, each decode step one
     * compiled call where the model allows it ({@link Decoding#COMPILED}).
     */
    public List<Sample> sample(List<int[]> prompts, SamplingParams params) {
        return sample(prompts, params, Decoding.COMPILED);
    }

    /**
     * Samples {@code params.numSamples()} responses for each prompt; every {@link Decoding} gives the same samples
     * for the same seed (up to float rounding of the logits).
     */
    public List<Sample> sample(List<int[]> prompts, SamplingParams params, Decoding decoding) {
        validate(prompts);
        SplittableRandom master = new SplittableRandom(params.seed());
        SplittableRandom[] rngs = new SplittableRandom[prompts.size() * params.numSamples()];
        for (int r = 0; r < rngs.length; r++) {
            rngs[r] = master.split();
        }
        return run(prompts, params, decoding, rngs);
    }

    /**
     * Samples {@code params.numSamples()} responses for each prompt, each prompt seeded on its own: the K rows of
     * prompt p draw from generators split from {@code seeds.get(p)} (and {@code params.seed()} is not used), as
     * {@link #sample(List, SamplingParams)} seeds a lone prompt. So a prompt's responses are those it gets alone
     * with its seed, whichever prompts share the batch (up to float rounding of the logits).
     */
    public List<Sample> sampleSeeded(List<int[]> prompts, List<Long> seeds, SamplingParams params) {
        validate(prompts);
        if (seeds.size() != prompts.size()) {
            throw new IllegalArgumentException("seeds: one per prompt is needed, got " + seeds.size() + " for "
                    + prompts.size() + " prompts");
        }
        int k = params.numSamples();
        SplittableRandom[] rngs = new SplittableRandom[prompts.size() * k];
        for (int p = 0; p < prompts.size(); p++) {
            SplittableRandom master = new SplittableRandom(seeds.get(p));
            for (int s = 0; s < k; s++) {
                rngs[p * k + s] = master.split();
            }
        }
        return run(prompts, params, Decoding.COMPILED, rngs);
    }

    private List<Sample> run(List<int[]> prompts, SamplingParams params, Decoding decoding, SplittableRandom[] rngs) {
        DecodeState state = new DecodeState(prompts, params.numSamples(), params.maxNewTokens(), padId, stopIds);
        TokenChooser chooser = new TokenChooser(params);
        try (NDManager manager = NDManager.newBaseManager();
                StepLogits logits = open(decoding, state, manager)) {
            for (int step = 0; step < params.maxNewTokens(); step++) {
                try (NDScope ignored = new NDScope()) {
                    state.append(chooser.draw(logits.next(state), state, rngs), padId);
                }
                if (state.allFinished()) {
                    break;
                }
            }
        }
        return state.samples();
    }

    private StepLogits open(Decoding decoding, DecodeState state, NDManager manager) {
        return switch (decoding) {
            case RECOMPUTE -> new RecomputedLogits(model, manager);
            case CACHED, SHARED_PREFIX, COMPILED -> new CachedLogits(model, state, manager, decoding);
        };
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
