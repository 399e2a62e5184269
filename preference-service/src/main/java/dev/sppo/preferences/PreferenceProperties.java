package dev.sppo.preferences;

import dev.sppo.judge.LlmJudgeSettings;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * The preference-service's own settings, under {@code sppo.preference}.
 *
 * @param maxResponses the largest K it scores (the matrix has K² entries); larger prompts are refused
 * @param cachedModels how many preference models, one per distinct spec, it keeps built
 * @param llmJudges the LLM judges jobs may name ({@code kind: llm_judge, judge: <name>}), by name; each one's
 *     settings become its config by the rule an in-process run's inline judge follows ({@link
 *     LlmJudgeSettings#toConfig}), checked when the service starts
 */
@Validated
@ConfigurationProperties("sppo.preference")
public record PreferenceProperties(
        @DefaultValue("64") @Min(2) int maxResponses,
        @DefaultValue("32") @Min(1) int cachedModels,
        Map<String, LlmJudgeSettings> llmJudges) {

    public PreferenceProperties {
        llmJudges = llmJudges == null ? Map.of() : Map.copyOf(llmJudges);
    }
}
