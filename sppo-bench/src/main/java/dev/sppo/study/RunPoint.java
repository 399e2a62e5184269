package dev.sppo.study;

/**
 * What one run measured of π_t on held-out prompts.
 *
 * @param iteration t
 * @param winRate gold win rate of π_t against π_0 (ties count half); NaN for π_0 itself
 * @param taskScore mean graded gold score
 * @param exactMatch fraction of exactly right responses
 * @param klToBase estimated KL(π_t ‖ π_0) in nats per response (0 for π_0)
 * @param responseLength mean response length in characters
 */
public record RunPoint(int iteration, double winRate, double taskScore, double exactMatch, double klToBase,
        double responseLength) {}
