package dev.sppo.sampling;

/**
 * How responses are drawn from the policy.
 *
 * @param maxNewTokens upper bound on generated tokens per response (EOS stops earlier)
 * @param temperature softmax temperature; 0 means greedy (argmax) decoding
 * @param topK keep only the k most likely tokens; 0 turns it off
 * @param topP nucleus sampling: keep the smallest most-likely set with probability mass ≥ top_p; 1 turns it off
 * @param numSamples K, the responses drawn per prompt
 * @param seed seeds the sampler: the same seed, prompts and model give the same responses
 */
public record SamplingParams(int maxNewTokens, double temperature, int topK, double topP, int numSamples, long seed) {

    public SamplingParams {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max_new_tokens must be >= 1, got " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top_k must be >= 0 (0 = off), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
        }
        if (numSamples < 1) {
            throw new IllegalArgumentException("num_samples must be >= 1, got " + numSamples);
        }
    }

    /** The official SPPO generation settings: K = 5, temperature 0.7, top_p 0.9. */
    public static SamplingParams official(int maxNewTokens, long seed) {
        return new SamplingParams(maxNewTokens, 0.7, 0, 0.9, 5, seed);
    }

    /** Greedy decoding of one response per prompt. */
    public static SamplingParams greedy(int maxNewTokens) {
        return new SamplingParams(maxNewTokens, 0.0, 0, 1.0, 1, 0L);
    }

    public boolean isGreedy() {
        return temperature == 0.0;
    }

    public SamplingParams withNumSamples(int k) {
        return new SamplingParams(maxNewTokens, temperature, topK, topP, k, seed);
    }

    public SamplingParams withSeed(long newSeed) {
        return new SamplingParams(maxNewTokens, temperature, topK, topP, numSamples, newSeed);
    }
}
