package dev.sppo.trainer.preferencemodel;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The service's settings for preference models trained over REST ({@code sppo.trainer.preference-models.*}).
 *
 * @param dataRoot the preference data root ({@code SPPO_PREFERENCE_DATA_DIR}, by default
 *     {@code <checkpoint-dir>/preference-data}): where an operator places JSONL files of
 *     {@code {"prompt","chosen","rejected"}} pairs, and the only place a submission's {@code data} may name
 */
@Validated
@ConfigurationProperties("sppo.trainer.preference-models")
public record PreferenceModelProperties(@NotNull Path dataRoot) {}
