package dev.sppo.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class VerdictsTest {

    @Test
    void strictVerdictsToleratingWhitespaceQuotesAndAResponsePrefixAreRead() {
        for (String a : List.of("A", " A\n", "\"A\"", "'A'.", "**A**", "Response A", "response  A", "`A`")) {
            assertThat(Verdicts.fromText(a)).as(a).isEqualTo(1.0);
        }
        for (String b : List.of("B", "B.", "Response B\n", " \"B\" ")) {
            assertThat(Verdicts.fromText(b)).as(b).isEqualTo(0.0);
        }
    }

    @Test
    void anythingElseIsMalformed() {
        for (String bad : List.of("", "AB", "a", "A is better", "Both", "C", "Response", "A or B", "The answer: A")) {
            assertThatThrownBy(() -> Verdicts.fromText(bad)).as(bad)
                    .isInstanceOf(AttemptFailedException.class)
                    .hasMessageContaining("not a verdict")
                    .extracting(e -> ((AttemptFailedException) e).outcome()).isEqualTo(CallOutcome.MALFORMED);
        }
    }

    @Test
    void responsesThatAreNotChatCompletionsAreMalformed() {
        for (String body : List.of("not json", "{}", "{\"choices\":[]}", "{\"choices\":[{\"message\":{}}]}",
                "[1,2]", "{\"choices\":[{\"message\":{\"content\":null}}]}")) {
            assertThatThrownBy(() -> Verdicts.probabilityA(body, true)).as(body)
                    .hasMessageContaining("not a chat completion");
        }
    }

    @Test
    void logprobsWithoutAVerdictTokenFallBackToTheText() {
        String body = FakeChatServer.completionWithLogprobs("Response", "Response", -0.01, "The", -5.0)
                .replace("\"content\":\"Response\"", "\"content\":\"Response B\"");

        assertThat(Verdicts.probabilityA(body, true)).isZero();
    }

    @Test
    void aLetterMissingFromTheTopListCountsAsZeroProbability() {
        String body = FakeChatServer.completionWithLogprobs("A", "A", -0.5, "C", -1.0);

        assertThat(Verdicts.probabilityA(body, true)).isEqualTo(1.0);
        assertThat(Verdicts.probabilityA(body, false)).isEqualTo(1.0);
    }

    @Test
    void aNonNumericLogprobIsMalformed() {
        String body = FakeChatServer.completionWithLogprobs("A", "A", -0.5).replace("-0.5", "\"high\"");

        assertThatThrownBy(() -> Verdicts.probabilityA(body, true)).hasMessageContaining("logprob of verdict token");
    }
}
