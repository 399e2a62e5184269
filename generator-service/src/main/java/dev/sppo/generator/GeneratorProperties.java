package dev.sppo.generator;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The generator's own settings, under {@code sppo.generator}.
 *
 * @param instanceId names this replica in {@code SampledResponses.generator}; blank: {@code hostname:port}, or
 *     {@code hostname:<random suffix>} when the port is chosen at random
 * @param cacheSize how many loaded checkpoints stay in memory (least recently used evicted first)
 */
@Validated
@ConfigurationProperties("sppo.generator")
public record GeneratorProperties(String instanceId, @DefaultValue("2") @Min(1) int cacheSize) {
}
