package dev.sppo.contracts;

/**
 * How a generator samples: K responses per prompt with temperature, top-p, top-k, a length limit and a seed.
 */
public record SamplingSpec(int k, double temperature, double topP, int topK, int maxNewTokens, long seed) {

    public SamplingSpec {
        Require.atLeast("SamplingSpec", "k", k, 1);
        Require.atLeast("SamplingSpec", "maxNewTokens", maxNewTokens, 1);
        Require.atLeast("SamplingSpec", "topK", topK, 0);
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new InvalidMessageException("SamplingSpec.temperature: must be a finite number >= 0, got " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new InvalidMessageException("SamplingSpec.topP: must be in (0, 1], got " + topP);
        }
    }
}
