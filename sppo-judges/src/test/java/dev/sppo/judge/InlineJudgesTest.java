package dev.sppo.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.judge.FakeChatServer.Reply;
import dev.sppo.preference.LlmJudgeSpec;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceSpecException;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

class InlineJudgesTest {

    @Test
    void anInlineJudgeAsksTheServerItsSettingsName() throws IOException {
        try (FakeChatServer server = new FakeChatServer(r -> Reply.ok(FakeChatServer.completion("A")));
                InlineJudges judges = new InlineJudges()) {
            PreferenceModel judge = judges.judge(LlmJudgeSpec.inline("preference.judge", Map.of(
                    "base_url", server.baseUrl().toString(), "model", "fake-model", "max_concurrency", 1)));

            double p = judge.compare("2+2=", List.of("4", "5")).matrix().get(0, 1);

            assertThat(p).as("a judge that always answers A, asked in both orders").isEqualTo(0.5);
            assertThat(server.seen()).hasSize(2).allSatisfy(seen ->
                    assertThat(seen.body().get("model").getAsString()).isEqualTo("fake-model"));
            assertThat(judge).hasToString("LlmJudge[preference.judge: fake-model at " + server.baseUrl() + "]");
        }
    }

    @Test
    void namedJudgesBelongToThePreferenceService() {
        try (InlineJudges judges = new InlineJudges()) {
            assertThatThrownBy(() -> judges.judge(LlmJudgeSpec.named("local")))
                    .isInstanceOfSatisfying(PreferenceSpecException.class, e -> {
                        assertThat(e.field()).isEqualTo("judge");
                        assertThat(e.problem()).contains("no named LLM judges ('local'", "judge: {base_url:");
                    });
        }
    }

    @Test
    void closingStopsTheJudgesItBuilt() throws IOException {
        try (FakeChatServer server = new FakeChatServer(r -> Reply.ok(FakeChatServer.completion("B")))) {
            InlineJudges judges = new InlineJudges();
            PreferenceModel judge = judges.judge(LlmJudgeSpec.inline("preference.judge", Map.of(
                    "base_url", server.baseUrl().toString(), "model", "m")));

            judges.close();

            assertThatThrownBy(() -> judge.compare("x", List.of("a", "b")))
                    .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        }
    }
}
