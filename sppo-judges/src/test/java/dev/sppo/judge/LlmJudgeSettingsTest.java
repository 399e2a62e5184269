package dev.sppo.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

class LlmJudgeSettingsTest {

    private static final URI LOCAL = URI.create("http://localhost:11434/v1");

    @Test
    void absentSettingsTakeTheBuildersDefaults() {
        LlmJudgeSettings given = new LlmJudgeSettings(LOCAL, "llama3.2", null, null, null, null, null, null, null,
                null, null);

        assertThat(given.toConfig("local")).isEqualTo(LlmJudgeConfig.builder("local", LOCAL, "llama3.2").build());
    }

    @Test
    void blankTemplateOrKeyVariableCountAsAbsent() {
        LlmJudgeSettings given = new LlmJudgeSettings(LOCAL, "m", " ", "", null, null, null, null, null, null, null);

        LlmJudgeConfig config = given.toConfig("local");

        assertThat(config.promptTemplate()).isEqualTo(LlmJudgeConfig.DEFAULT_TEMPLATE);
        assertThat(config.apiKeyEnv()).isNull();
    }

    @Test
    void aConfigSectionInSnakeCaseSetsEverySetting() {
        ConfigTree section = new ConfigTree("preference.judge", Map.ofEntries(
                Map.entry("base_url", "https://api.example.com/v1"), Map.entry("model", "gpt-4o-mini"),
                Map.entry("prompt_template", "{prompt} {response_a} {response_b}"),
                Map.entry("api_key_env", "OPENAI_API_KEY"), Map.entry("timeout", "60s"), Map.entry("max_retries", 5),
                Map.entry("initial_backoff", "250ms"), Map.entry("max_concurrency", 8),
                Map.entry("temperature", 0.5), Map.entry("max_tokens", 2), Map.entry("use_logprobs", false)));

        LlmJudgeConfig config = LlmJudgeSettings.read(section).toConfig("preference.judge");

        assertThat(config).isEqualTo(LlmJudgeConfig.builder("preference.judge", URI.create(
                "https://api.example.com/v1"), "gpt-4o-mini").promptTemplate("{prompt} {response_a} {response_b}")
                .apiKeyEnv("OPENAI_API_KEY").timeout(Duration.ofSeconds(60)).maxRetries(5)
                .initialBackoff(Duration.ofMillis(250)).maxConcurrency(8).temperature(0.5).maxTokens(2)
                .useLogprobs(false).build());
    }

    @Test
    void durationsReadLikeSpringsSimpleFormatOrIso() {
        assertThat(read(Map.of("timeout", "2m")).timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(read(Map.of("timeout", "PT1.5S")).timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> read(Map.of("timeout", "30")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("preference.judge.timeout: expected a duration such as 30s, 500ms or PT30S, got \"30\"");
    }

    @Test
    void wrongTypesAndUnknownSettingsAreRefusedNamingTheirPath() {
        assertThatThrownBy(() -> read(Map.of("max_retries", "many")))
                .hasMessageStartingWith("preference.judge.max_retries: expected a whole number");
        assertThatThrownBy(() -> read(Map.of("url", "http://x")))
                .hasMessageStartingWith("preference.judge.url: unknown setting");
        assertThatThrownBy(() -> read(Map.of("base_url", "http://bad host/")))
                .hasMessage("preference.judge.base_url: not a URL: \"http://bad host/\"");
    }

    @Test
    void missingRequiredSettingsAreRefusedWhenTheConfigIsBuilt() {
        assertThatThrownBy(() -> read(Map.of("base_url", "http://localhost:8000/v1")).toConfig("j"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("LLM judge config model: required");
    }

    private static LlmJudgeSettings read(Map<String, Object> settings) {
        return LlmJudgeSettings.read(new ConfigTree("preference.judge", settings));
    }
}
