package dev.sppo.bench;

/**
 * Preference-scoring throughput of the learned preference models, in ordered pairs of the K×K matrix per second
 * (see {@link PreferenceThroughput}).
 *
 * @param ranker the rates of the pairwise ranker's passes
 * @param reward the rates of the reward model's passes
 */
public record ScoringResult(Spread ranker, Spread reward) {}
