package dev.sppo.judge;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and ask one LLM judge on an OpenAI-compatible {@code POST {baseUrl}/chat/completions} endpoint
 * (vLLM, Ollama, OpenAI and others). Build one with {@link #builder(String, URI, String)}.
 *
 * @param name the judge's name, as jobs select it and as metrics and errors show it
 * @param baseUrl the API root, for example {@code http://localhost:8000/v1}
 * @param model the model the server should run
 * @param promptTemplate the user message; {@code {prompt}}, {@code {response_a}} and {@code {response_b}} are
 *     replaced by the prompt and the two responses
 * @param apiKeyEnv the name of the environment variable holding the API key, or null for a server without auth
 * @param timeout the limit of one HTTP exchange (connect and answer)
 * @param maxRetries how many times a failed exchange is tried again (timeouts, 5xx, 429, malformed answers)
 * @param initialBackoff the wait before the first retry; it doubles before each further retry
 * @param maxConcurrency the most exchanges in flight at once, over all prompts this judge compares
 * @param temperature the sampling temperature the judge is asked for (0: its most likely verdict)
 * @param maxTokens the most tokens the judge may answer with
 * @param useLogprobs ask for the verdict token's log-probabilities and read the probability from them
 */
public record LlmJudgeConfig(
        String name, URI baseUrl, String model, String promptTemplate, String apiKeyEnv, Duration timeout,
        int maxRetries, Duration initialBackoff, int maxConcurrency, double temperature, int maxTokens,
        boolean useLogprobs) {

    /** Asks for a one-letter verdict, "A" or "B". */
    public static final String DEFAULT_TEMPLATE = """
            You are comparing two responses to the same prompt. Decide which response is better: more correct, \
            more helpful and more relevant to the prompt.

            [Prompt]
            {prompt}

            [Response A]
            {response_a}

            [Response B]
            {response_b}

            Answer with exactly one letter and nothing else: A if Response A is better, B if Response B is better.""";

    public LlmJudgeConfig {
        require(name != null && !name.isBlank(), "name", "required");
        require(baseUrl != null && ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())),
                "baseUrl", "must be an http or https URL, got " + baseUrl);
        require(model != null && !model.isBlank(), "model", "required");
        PromptTemplate.validate(promptTemplate);
        require(apiKeyEnv == null || !apiKeyEnv.isBlank(), "apiKeyEnv", "must name an environment variable or be absent");
        requirePositive(timeout, "timeout");
        require(maxRetries >= 0, "maxRetries", "must be >= 0, got " + maxRetries);
        requirePositive(initialBackoff, "initialBackoff");
        require(maxConcurrency >= 1, "maxConcurrency", "must be >= 1, got " + maxConcurrency);
        require(temperature >= 0 && Double.isFinite(temperature), "temperature",
                "must be a finite number >= 0, got " + temperature);
        require(maxTokens >= 1, "maxTokens", "must be >= 1, got " + maxTokens);
    }

    /** The defaults: the default template, no API key, 30 s timeout, 3 retries from 500 ms, 4 in flight, T = 0. */
    public static Builder builder(String name, URI baseUrl, String model) {
        return new Builder(name, baseUrl, model);
    }

    /** {@code {baseUrl}/chat/completions}. */
    public URI chatCompletions() {
        String root = baseUrl.toString();
        return URI.create((root.endsWith("/") ? root : root + "/") + "chat/completions");
    }

    @Override
    public String toString() {
        return "LlmJudgeConfig[name=" + name + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKeyEnv=" + apiKeyEnv
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", maxConcurrency=" + maxConcurrency + "]";
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("LLM judge config " + field + ": " + problem);
        }
    }

    private static void requirePositive(Duration value, String field) {
        require(value != null && !value.isNegative() && !value.isZero(), field, "must be a positive duration, got "
                + value);
    }

    /** Optional settings over the defaults of {@link #builder}. */
    public static final class Builder {

        private final String name;
        private final URI baseUrl;
        private final String model;
        private String promptTemplate = DEFAULT_TEMPLATE;
        private String apiKeyEnv;
        private Duration timeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private int maxConcurrency = 4;
        private double temperature;
        private int maxTokens = 4;
        private boolean useLogprobs = true;

        private Builder(String name, URI baseUrl, String model) {
            this.name = name;
            this.baseUrl = baseUrl;
            this.model = model;
        }

        public Builder promptTemplate(String value) {
            promptTemplate = Objects.requireNonNull(value, "promptTemplate");
            return this;
        }

        public Builder apiKeyEnv(String value) {
            apiKeyEnv = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        public Builder initialBackoff(Duration value) {
            initialBackoff = value;
            return this;
        }

        public Builder maxConcurrency(int value) {
            maxConcurrency = value;
            return this;
        }

        public Builder temperature(double value) {
            temperature = value;
            return this;
        }

        public Builder maxTokens(int value) {
            maxTokens = value;
            return this;
        }

        public Builder useLogprobs(boolean value) {
            useLogprobs = value;
            return this;
        }

        public LlmJudgeConfig build() {
            return new LlmJudgeConfig(name, baseUrl, model, promptTemplate, apiKeyEnv, timeout, maxRetries,
                    initialBackoff, maxConcurrency, temperature, maxTokens, useLogprobs);
        }
    }
}
