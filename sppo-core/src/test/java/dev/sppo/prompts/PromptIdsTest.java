package dev.sppo.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.chat.ChatMessage;

import org.junit.jupiter.api.Test;

import java.util.List;

class PromptIdsTest {

    // Expected values from Python:
    //   s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    //   hashlib.sha256(s.encode()).hexdigest()[:16]
    //   (int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big") >> 11) / 2**53

    @Test
    void plainContentIdIsTheSha256OfItsCanonicalJson() {
        PlainPrompt prompt = new PlainPrompt("Hello, \"world\"\n<b>é</b>");
        assertThat(PromptIds.canonicalJson(prompt)).isEqualTo("{\"prompt\":\"Hello, \\\"world\\\"\\n<b>é</b>\"}");
        assertThat(PromptIds.contentId(prompt)).isEqualTo("5319560e4d9d3e33");
    }

    @Test
    void chatContentIdHashesRolesAndContentsInOrder() {
        ChatPrompt chat = new ChatPrompt(List.of(new ChatMessage(Role.SYSTEM.wireName(), "Be brief."),
                new ChatMessage(Role.USER.wireName(), "2+2?")));
        assertThat(PromptIds.contentId(chat)).isEqualTo("fe6f581ec9ecd478");
        ChatPrompt swapped = new ChatPrompt(List.of(new ChatMessage(Role.USER.wireName(), "2+2?"),
                new ChatMessage(Role.SYSTEM.wireName(), "Be brief.")));
        assertThat(PromptIds.contentId(swapped)).isNotEqualTo("fe6f581ec9ecd478");
    }

    @Test
    void unitIntervalReadsTheFirst53BitsOfTheIdsSha256() {
        assertThat(PromptIds.unitInterval("p-1")).isEqualTo(0.11691941292382702);
        assertThat(PromptIds.unitInterval("")).isEqualTo(0.8894159948913373);
        assertThat(PromptIds.unitInterval("abc")).isEqualTo(0.7283949105904021);
    }
}
