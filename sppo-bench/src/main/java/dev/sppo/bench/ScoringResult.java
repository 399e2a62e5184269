package dev.sppo.bench;

/**
 * Preference-scoring throughput of the learned preference models and of an LLM judge on loopback, in unordered
 * pairs of the K×K matrix per second (see {@link PreferenceThroughput}).
 *
 * @param ranker the rates of the pairwise ranker's passes
 * @param reward the rates of the reward model's passes
 * @param llmJudge the rates of the LLM judge's passes
 * @param exchangeMillis the median over its passes of the mean time of one HTTP exchange
 */
public record ScoringResult(Spread ranker, Spread reward, Spread llmJudge, double exchangeMillis) {}
