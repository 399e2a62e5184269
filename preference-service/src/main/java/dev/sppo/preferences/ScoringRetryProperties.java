package dev.sppo.preferences;

import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.judge.JudgeException;
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
 * How often sampled responses whose scoring failed are scored again before they are parked on {@code
 * sppo.responses.dlt} ({@link RetrySettings}), under {@code sppo.preference.retry}. Responses that break their
 * contract ({@link InvalidMessageException}) or cannot be scored ({@link UnscorableException}), a model the store
 * refuses ({@link CheckpointRefusedException}) and an LLM judge that failed through its own retries ({@link
 * JudgeException}, {@code sppo.preference.llm-judges.*.max-retries}) are parked at once.
 *
 * @param maxAttempts tries in all, the first included. Default 3
 * @param backOffInitial the wait before the second try. Default 200 ms
 * @param backOffMultiplier each later wait is the previous one times this. Default 2
 * @param backOffMax the longest wait. Default 2 s
 */
@Validated
@ConfigurationProperties("sppo.preference.retry")
public record ScoringRetryProperties(@DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("200ms") @NotNull Duration backOffInitial,
        @DefaultValue("2") @DecimalMin("1") double backOffMultiplier,
        @DefaultValue("2s") @NotNull Duration backOffMax) implements RetrySettings {

    private static final List<Class<? extends Exception>> NEVER_RETRIED = List.of(InvalidMessageException.class,
            UnscorableException.class, CheckpointRefusedException.class, JudgeException.class);

    @Override
    public List<Class<? extends Exception>> neverRetried() {
        return NEVER_RETRIED;
    }
}
