package dev.sppo.generator;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the generator batches requests from {@code sppo.generation.requests}, under {@code sppo.generator.batching}.
 * Each poll of the topic hands over up to {@link #maxRequests} requests; those for the same checkpoint, sampling
 * settings (but the seed) and prompt length are sampled together in calls of a fixed shape ({@link SamplingChunks}):
 * as many prompts as {@link #maxSequences} rows and {@link #maxCacheTokens} cached positions allow, the last call of
 * a poll topped up with fillers. The next poll waits until every request of this one is answered (or dead-lettered)
 * and its offsets committed: a full generator stops reading instead of buffering. The responses' bits depend on
 * these bounds (they fix the calls' shape), so replicas that share a job should share the settings.
 *
 * @param maxRequests requests in flight per replica: the consumer's {@code max.poll.records}. Default 512, one
 *     iteration of the default job. Answering a poll must take less than the consumer's {@code max.poll.interval.ms}
 *     (5 minutes), or the group takes its partitions away and the poll is delivered again: lower it for large models
 * @param maxSequences rows (prompts × K) in one sampling call. Default 160: 32 prompts × K = 5 (more rows amortise
 *     each decode step better, but a poll's last call per prompt length is mostly fillers)
 * @param maxCacheTokens key/value-cache positions in one sampling call: rows × (prompt length + max new tokens).
 *     Default 32768 (256 MiB of float32 keys and values on the bench's 4-layer, 256-wide model; about 1.5 GiB on
 *     SmolLM2-135M's shape). A single request larger than either bound is sampled alone
 */
@Validated
@ConfigurationProperties("sppo.generator.batching")
public record BatchingProperties(@DefaultValue("512") @Min(1) int maxRequests,
        @DefaultValue("160") @Min(1) int maxSequences, @DefaultValue("32768") @Min(1) int maxCacheTokens) {
}
