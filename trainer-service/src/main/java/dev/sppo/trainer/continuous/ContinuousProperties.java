package dev.sppo.trainer.continuous;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The service's settings for continuous jobs ({@code sppo.trainer.continuous.*}); a job's own settings are in its
 * {@code continuous} config section ({@link ContinuousSettings}).
 *
 * @param group the consumer group that reads {@code sppo.prompts}; its committed offsets are the stream position
 * @param pollTimeout the longest one poll of the prompts topic waits; also how often a round's maximum wait and
 *     the backpressure are checked
 */
@Validated
@ConfigurationProperties("sppo.trainer.continuous")
public record ContinuousProperties(
        @NotBlank @DefaultValue("trainer-prompts") String group,
        @NotNull @DefaultValue("200ms") Duration pollTimeout) {}
