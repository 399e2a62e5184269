package dev.sppo.generator;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the generator batches requests from {@code sppo.generation.requests}, under {@code sppo.generator.batching}.
 * Each poll of the topic hands over up to {@link #maxRequests} requests; those for the same checkpoint and sampling
 * settings are sampled together, in forward passes of at most {@link #maxSequences} rows and {@link
 * #maxCacheTokens} cached tokens. The next poll waits until every request of this one is answered (or dead-lettered)
 * and its offsets committed: a full generator stops reading instead of buffering.
 *
 * @param maxRequests requests in flight per replica: the consumer's {@code max.poll.records}. Default 512, one
 *     iteration of the default job
 * @param maxSequences rows (prompts × K) in one sampling call. Default 320: 64 prompts × K = 5, the in-process
 *     loop's batch ({@code BatchedSampling.PROMPTS_PER_BATCH})
 * @param maxCacheTokens key/value-cache positions in one sampling call: rows × (longest prompt + max new tokens).
 *     Default 32768 (256 MiB of float32 keys and values on the bench's 4-layer, 256-wide model; about 1.5 GiB on
 *     SmolLM2-135M's shape). A single request larger than either bound is sampled alone
 */
@Validated
@ConfigurationProperties("sppo.generator.batching")
public record BatchingProperties(@DefaultValue("512") @Min(1) int maxRequests,
        @DefaultValue("320") @Min(1) int maxSequences, @DefaultValue("32768") @Min(1) int maxCacheTokens) {
}
