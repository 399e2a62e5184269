package dev.sppo.judge;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One LLM judge's settings as they are given, before the defaults: the preference-service binds them from
 * {@code sppo.preference.llm-judges.<name>} (kebab case, {@code base-url}), an in-process run's config gives them
 * inline as {@code preference.judge} (snake case, {@code base_url}, read by {@link #read}). Either way {@link
 * #toConfig} is the one rule that turns them into an {@link LlmJudgeConfig}: a setting that is absent (null) takes
 * the {@link LlmJudgeConfig#builder} default, and so does a blank template or key variable (a placeholder such as
 * {@code ${LLM_JUDGE_API_KEY_ENV:}} that resolved to nothing). The API key itself is never a setting:
 * {@code apiKeyEnv} names the environment variable that holds it.
 *
 * @param baseUrl the API root, for example {@code http://vllm:8000/v1}; required
 * @param model the model the server runs; required
 * @param promptTemplate the pairwise template with {prompt}, {response_a}, {response_b}
 * @param apiKeyEnv the variable holding the API key
 * @param timeout the limit of one exchange
 * @param maxRetries retries of a timed-out, failed (5xx, 429) or malformed exchange
 * @param initialBackoff the wait before the first retry, doubled for each next one
 * @param maxConcurrency exchanges in flight at once, over all prompts
 * @param temperature sampling temperature of the judge
 * @param maxTokens the longest answer
 * @param useLogprobs read the verdict probability from the verdict token's log-probabilities when returned
 */
public record LlmJudgeSettings(
        URI baseUrl,
        String model,
        String promptTemplate,
        String apiKeyEnv,
        Duration timeout,
        Integer maxRetries,
        Duration initialBackoff,
        Integer maxConcurrency,
        Double temperature,
        Integer maxTokens,
        Boolean useLogprobs) {

    /** A number and a unit, the simple format Spring reads durations in: {@code 500ms}, {@code 30s}, {@code 2m}. */
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /**
     * The config of the judge named {@code name}.
     *
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    public LlmJudgeConfig toConfig(String name) {
        LlmJudgeConfig.Builder builder = LlmJudgeConfig.builder(name, baseUrl, model);
        if (promptTemplate != null && !promptTemplate.isBlank()) {
            builder.promptTemplate(promptTemplate);
        }
        if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            builder.apiKeyEnv(apiKeyEnv);
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (maxRetries != null) {
            builder.maxRetries(maxRetries);
        }
        if (initialBackoff != null) {
            builder.initialBackoff(initialBackoff);
        }
        if (maxConcurrency != null) {
            builder.maxConcurrency(maxConcurrency);
        }
        if (temperature != null) {
            builder.temperature(temperature);
        }
        if (maxTokens != null) {
            builder.maxTokens(maxTokens);
        }
        if (useLogprobs != null) {
            builder.useLogprobs(useLogprobs);
        }
        return builder.build();
    }

    /**
     * Reads the settings of a config section: {@code base_url}, {@code model}, {@code prompt_template}, {@code
     * api_key_env}, {@code timeout} and {@code initial_backoff} (a duration: {@code 30s}, {@code 500ms}, or ISO-8601
     * {@code PT30S}), {@code max_retries}, {@code max_concurrency}, {@code temperature}, {@code max_tokens}, {@code
     * use_logprobs}.
     *
     * @throws InvalidConfigException naming the path of a setting of the wrong type or an unknown one
     */
    public static LlmJudgeSettings read(ConfigTree section) {
        LlmJudgeSettings settings = new LlmJudgeSettings(uri(section, "base_url"), section.string("model", null),
                section.string("prompt_template", null), section.string("api_key_env", null),
                duration(section, "timeout"), integer(section, "max_retries"), duration(section, "initial_backoff"),
                integer(section, "max_concurrency"), number(section, "temperature"), integer(section, "max_tokens"),
                bool(section, "use_logprobs"));
        section.checkNoUnknownKeys();
        return settings;
    }

    private static Integer integer(ConfigTree section, String key) {
        return section.has(key) ? section.integer(key, 0) : null;
    }

    private static Double number(ConfigTree section, String key) {
        return section.has(key) ? section.number(key, 0) : null;
    }

    private static Boolean bool(ConfigTree section, String key) {
        return section.has(key) ? section.bool(key, false) : null;
    }

    private static URI uri(ConfigTree section, String key) {
        String text = section.string(key, null);
        try {
            return text == null ? null : URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(section.path() + "." + key + ": not a URL: \"" + text + "\"");
        }
    }

    private static Duration duration(ConfigTree section, String key) {
        String text = section.string(key, null);
        if (text == null) {
            return null;
        }
        Matcher simple = SIMPLE_DURATION.matcher(text.strip());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidConfigException(section.path() + "." + key + ": expected a duration such as 30s, 500ms "
                    + "or PT30S, got \"" + text + "\"");
        }
    }
}
