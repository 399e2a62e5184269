package dev.sppo.judge;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A judge's API key, read once from the environment variable the config names. It is only ever sent as an
 * {@code Authorization: Bearer} header: {@link #toString()} never shows it, and {@link #redact} removes it from
 * any server text before that text reaches a log or an error message.
 */
final class ApiKey {

    private static final String REDACTED = "[redacted]";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @param environment looks up an environment variable ({@code System::getenv} in production)
     * @throws IllegalArgumentException naming the variable when the config names one that is unset or blank
     */
    static ApiKey from(LlmJudgeConfig config, UnaryOperator<String> environment) {
        if (config.apiKeyEnv() == null) {
            return new ApiKey(null);
        }
        String value = environment.apply(config.apiKeyEnv());
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("LLM judge '" + config.name() + "' apiKeyEnv: environment variable "
                    + config.apiKeyEnv() + " is not set");
        }
        return new ApiKey(value.strip());
    }

    /** The {@code Authorization} header value, when there is a key. */
    Optional<String> authorization() {
        return Optional.ofNullable(value).map(key -> "Bearer " + key);
    }

    /** {@code text} with every occurrence of the key replaced. */
    String redact(String text) {
        return value == null || text == null ? text : text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return value == null ? "ApiKey[none]" : "ApiKey" + REDACTED;
    }
}
