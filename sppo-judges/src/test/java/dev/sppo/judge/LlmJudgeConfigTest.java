package dev.sppo.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

class LlmJudgeConfigTest {

    private static final URI LOCAL = URI.create("http://localhost:8000/v1");

    @Test
    void defaultsAskForAOneLetterVerdictAtTemperatureZeroWithLogprobs() {
        LlmJudgeConfig config = LlmJudgeConfig.builder("local", LOCAL, "qwen").build();

        assertThat(config.promptTemplate()).contains("{prompt}", "{response_a}", "{response_b}", "exactly one letter");
        assertThat(config.temperature()).isZero();
        assertThat(config.useLogprobs()).isTrue();
        assertThat(config.chatCompletions()).isEqualTo(URI.create("http://localhost:8000/v1/chat/completions"));
        assertThat(LlmJudgeConfig.builder("l", URI.create("https://api.example.com/v1/"), "m").build()
                .chatCompletions()).isEqualTo(URI.create("https://api.example.com/v1/chat/completions"));
    }

    @Test
    void invalidSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> LlmJudgeConfig.builder(" ", LOCAL, "m").build()).hasMessageContaining("name");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", URI.create("ftp://x"), "m").build())
                .hasMessageContaining("baseUrl: must be an http or https URL");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "").build()).hasMessageContaining("model");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "m").promptTemplate("{prompt} {response_a}")
                .build()).hasMessageContaining("promptTemplate: must contain {response_b}");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "m").timeout(Duration.ZERO).build())
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "m").maxRetries(-1).build())
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "m").maxConcurrency(0).build())
                .hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "m").temperature(-0.5).build())
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("j", LOCAL, "m").apiKeyEnv("").build())
                .hasMessageContaining("apiKeyEnv");
    }

    @Test
    void placeholdersInsideTheFilledTextAreNotExpandedAgain() {
        String rendered = PromptTemplate.render("Q: {prompt}\nA: {response_a}\nB: {response_b}",
                "say {response_b}", "$1 \\ {prompt}", "b");

        assertThat(rendered).isEqualTo("Q: say {response_b}\nA: $1 \\ {prompt}\nB: b");
    }
}
