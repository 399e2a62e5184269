package dev.sppo.generator;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.service.store.CheckpointRefusedException;
import dev.sppo.service.topics.RetrySettings;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * How often a generation request whose sampling failed is tried again before it is parked on {@code
 * sppo.generation.requests.dlt} ({@link RetrySettings}), under {@code sppo.generator.retry}. A request that breaks its
 * contract ({@link InvalidMessageException}) or names a checkpoint the store refuses ({@link
 * CheckpointRefusedException}) is parked at once: it would never succeed.
 *
 * @param maxAttempts tries in all, the first included. Default 3
 * @param backOffInitial the wait before the second try. Default 200 ms
 * @param backOffMultiplier each later wait is the previous one times this. Default 2
 * @param backOffMax the longest wait. Default 2 s
 */
@Validated
@ConfigurationProperties("sppo.generator.retry")
public record RetryProperties(@DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("200ms") @NotNull Duration backOffInitial,
        @DefaultValue("2") @DecimalMin("1") double backOffMultiplier,
        @DefaultValue("2s") @NotNull Duration backOffMax) implements RetrySettings {

    private static final List<Class<? extends Exception>> NEVER_RETRIED = List.of(InvalidMessageException.class,
            CheckpointRefusedException.class);

    @Override
    public List<Class<? extends Exception>> neverRetried() {
        return NEVER_RETRIED;
    }
}
