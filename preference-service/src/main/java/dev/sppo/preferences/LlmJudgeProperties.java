package dev.sppo.preferences;

import dev.sppo.judge.LlmJudgeConfig;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * One LLM judge on an OpenAI-compatible endpoint, under {@code sppo.preference.llm-judges.<name>}. The API key is
 * never configured here: {@code api-key-env} names the environment variable (or secret property) that holds it.
 *
 * @param baseUrl the API root, for example {@code http://vllm:8000/v1}
 * @param model the model the server runs
 * @param promptTemplate the pairwise template with {prompt}, {response_a}, {response_b}; empty: the built-in one
 * @param apiKeyEnv the variable holding the API key; empty for a server without auth
 * @param timeout the limit of one exchange
 * @param maxRetries retries of a timed-out, failed (5xx, 429) or malformed exchange
 * @param initialBackoff the wait before the first retry, doubled for each next one
 * @param maxConcurrency exchanges in flight at once, over all prompts
 * @param temperature sampling temperature of the judge
 * @param maxTokens the longest answer
 * @param useLogprobs read the verdict probability from the verdict token's log-probabilities when returned
 */
public record LlmJudgeProperties(
        @NotNull URI baseUrl,
        @NotBlank String model,
        String promptTemplate,
        String apiKeyEnv,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("3") @Min(0) int maxRetries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("4") @Min(1) int maxConcurrency,
        @DefaultValue("0") @DecimalMin("0") double temperature,
        @DefaultValue("4") @Min(1) int maxTokens,
        @DefaultValue("true") boolean useLogprobs) {

    /** The core config of the judge named {@code name}. */
    LlmJudgeConfig toConfig(String name) {
        LlmJudgeConfig.Builder builder = LlmJudgeConfig.builder(name, baseUrl, model)
                .apiKeyEnv(apiKeyEnv == null || apiKeyEnv.isBlank() ? null : apiKeyEnv).timeout(timeout)
                .maxRetries(maxRetries).initialBackoff(initialBackoff).maxConcurrency(maxConcurrency)
                .temperature(temperature).maxTokens(maxTokens).useLogprobs(useLogprobs);
        if (promptTemplate != null && !promptTemplate.isBlank()) {
            builder.promptTemplate(promptTemplate);
        }
        return builder.build();
    }
}
