package dev.sppo.generator;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The generator's own settings, under {@code sppo.generator}.
 *
 * @param instanceId names this replica in {@code SampledResponses.generator}; blank: {@code hostname:port}, or
 *     {@code hostname:<random suffix>} when the port is chosen at random
 * @param cacheSize how many loaded checkpoints stay in memory (least recently used evicted first)
 * @param checkpointRoot the checkpoint store as this generator mounts it ({@code SPPO_CHECKPOINT_DIR}): the only
 *     place {@code POST /generate} loads checkpoints from
 * @param endedJobs how many stopped jobs are remembered, so that their requests are dropped (the oldest end is
 *     forgotten first)
 * @param jobEventsCatchUp how long the first request waits for the replica to read {@code sppo.job-events} up to
 *     its end, so that a restarted generator drops the backlog of stopped jobs; then it goes on regardless
 */
@Validated
@ConfigurationProperties("sppo.generator")
public record GeneratorProperties(String instanceId, @DefaultValue("2") @Min(1) int cacheSize,
        @NotNull Path checkpointRoot, @DefaultValue("10000") @Min(1) int endedJobs,
        @DefaultValue("10s") @NotNull Duration jobEventsCatchUp) {
}
