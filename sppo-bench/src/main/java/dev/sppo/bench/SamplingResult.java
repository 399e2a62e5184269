package dev.sppo.bench;

/**
 * Sampling throughput with and without the key/value cache, in new tokens per second.
 *
 * @param cached the rates of the passes with the cache
 * @param uncached the rates of the passes that recompute the whole prefix every step
 */
public record SamplingResult(Spread cached, Spread uncached) {

    /** How many times faster the cache makes sampling: median cached rate / median uncached rate. */
    public double speedUp() {
        return cached.median() / uncached.median();
    }
}
