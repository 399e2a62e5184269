package dev.sppo.preferences;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The preference-service's own settings, under {@code sppo.preference}.
 *
 * @param maxResponses the largest K it scores (the matrix has K² entries); larger prompts are refused
 * @param defaultTau the Bradley-Terry temperature τ of a REST request that gives none
 */
@Validated
@ConfigurationProperties("sppo.preference")
public record PreferenceProperties(
        @DefaultValue("64") @Min(2) int maxResponses,
        @DefaultValue("0.1") @Positive double defaultTau) {
}
