package dev.sppo.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.chat.ChatMessage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class PromptLengthLimitTest {

    /** One token per code point; a chat counts its contents plus one token per message for the template. */
    private static final PromptTokenCounter CODE_POINTS = content -> {
        if (content instanceof PlainPrompt plain) {
            return plain.text().codePointCount(0, plain.text().length());
        }
        return ((ChatPrompt) content).messages().stream()
                .mapToInt(m -> 1 + m.content().codePointCount(0, m.content().length())).sum();
    };

    @Test
    void leftTruncationKeepsTheEndOfAPlainPromptAndCountsIt() {
        List<PromptRecord> prompts = List.of(plain("a", "short"), plain("b", "0123456789"), plain("c", "tiny"));

        LimitedPrompts limited = new PromptLengthLimit(6, TruncateMode.LEFT).apply(prompts, CODE_POINTS);

        assertThat(limited.prompts()).extracting(PromptRecord::content).containsExactly(new PlainPrompt("short"),
                new PlainPrompt("456789"), new PlainPrompt("tiny"));
        assertThat(limited.prompts().get(1).id()).isEqualTo("b");
        assertThat(limited.truncated()).isEqualTo(1);
        assertThat(limited.skipped()).isZero();
    }

    @Test
    void skipModeLeavesLongPromptsOutAndCountsThem() {
        List<PromptRecord> prompts = List.of(plain("a", "short"), plain("b", "0123456789"), plain("c", "abcdefg"));

        LimitedPrompts limited = new PromptLengthLimit(6, TruncateMode.SKIP).apply(prompts, CODE_POINTS);

        assertThat(limited.prompts()).extracting(PromptRecord::id).containsExactly("a");
        assertThat(limited.truncated()).isZero();
        assertThat(limited.skipped()).isEqualTo(2);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        LimitedPrompts limited = new PromptLengthLimit(3, TruncateMode.LEFT)
                .apply(List.of(plain("a", "ab😀cd")), CODE_POINTS);

        assertThat(limited.prompts().get(0).content()).isEqualTo(new PlainPrompt("😀cd"));
    }

    @Test
    void aChatLosesWholeOldTurnsKeepingTheSystemMessage() {
        ChatPrompt chat = new ChatPrompt(List.of(
                new ChatMessage(Role.SYSTEM.wireName(), "sys"),
                new ChatMessage(Role.USER.wireName(), "first question"),
                new ChatMessage(Role.ASSISTANT.wireName(), "first answer"),
                new ChatMessage(Role.USER.wireName(), "second")));

        LimitedPrompts limited = new PromptLengthLimit(12, TruncateMode.LEFT)
                .apply(List.of(new PromptRecord("c", chat, Map.of())), CODE_POINTS);

        assertThat(limited.prompts().get(0).content()).isEqualTo(new ChatPrompt(List.of(
                new ChatMessage(Role.SYSTEM.wireName(), "sys"), new ChatMessage(Role.USER.wireName(), "second"))));
        assertThat(limited.truncated()).isEqualTo(1);
    }

    @Test
    void theLastTurnIsCutFromTheLeftWhenItAloneIsTooLong() {
        ChatPrompt chat = new ChatPrompt(List.of(new ChatMessage(Role.SYSTEM.wireName(), "sys"),
                new ChatMessage(Role.USER.wireName(), "0123456789")));

        LimitedPrompts limited = new PromptLengthLimit(10, TruncateMode.LEFT)
                .apply(List.of(new PromptRecord("c", chat, Map.of())), CODE_POINTS);

        assertThat(limited.prompts().get(0).content()).isEqualTo(new ChatPrompt(List.of(
                new ChatMessage(Role.SYSTEM.wireName(), "sys"), new ChatMessage(Role.USER.wireName(), "56789"))));
    }

    @Test
    void aPromptThatCannotFitEvenCutIsSkipped() {
        ChatPrompt chat = new ChatPrompt(List.of(new ChatMessage(Role.SYSTEM.wireName(), "a long system prompt"),
                new ChatMessage(Role.USER.wireName(), "hi")));

        LimitedPrompts limited = new PromptLengthLimit(5, TruncateMode.LEFT)
                .apply(List.of(new PromptRecord("c", chat, Map.of()), plain("p", "ok")), CODE_POINTS);

        assertThat(limited.prompts()).extracting(PromptRecord::id).containsExactly("p");
        assertThat(limited.skipped()).isEqualTo(1);
        assertThat(limited.truncated()).isZero();
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new PromptLengthLimit(0, TruncateMode.LEFT))
                .hasMessage("max_prompt_tokens: must be >= 1, got 0");
    }

    private static PromptRecord plain(String id, String text) {
        return new PromptRecord(id, new PlainPrompt(text), Map.of());
    }
}
