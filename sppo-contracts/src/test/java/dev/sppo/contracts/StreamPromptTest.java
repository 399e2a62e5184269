package dev.sppo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

class StreamPromptTest {

    @Test
    void producerJsonDecodesWithAndWithoutMetadata() {
        StreamPrompt full = MessageCodec.decode(bytes("{\"id\":\"p-1\",\"prompt\":\"12+30=\",\"metadata\":{\"src\":\"web\"}}"),
                StreamPrompt.class);
        StreamPrompt bare = MessageCodec.decode(bytes("{\"id\":\"p-2\",\"prompt\":\"1+1=\"}"), StreamPrompt.class);

        assertThat(full).isEqualTo(new StreamPrompt("p-1", "12+30=", Map.of("src", "web")));
        assertThat(bare.metadata()).isEmpty();
        assertThat(MessageCodec.decode(MessageCodec.encode(full), StreamPrompt.class)).isEqualTo(full);
    }

    @Test
    void missingIdOrPromptIsNamed() {
        assertThatThrownBy(() -> MessageCodec.decode(bytes("{\"prompt\":\"1+1=\"}"), StreamPrompt.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("StreamPrompt.id");
        assertThatThrownBy(() -> MessageCodec.decode(bytes("{\"id\":\"p\",\"prompt\":\" \"}"), StreamPrompt.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("StreamPrompt.prompt");
    }

    @Test
    void servedVersionDefaultsToTheRequestedOneAndOlderMessagesReadAsIt() {
        SampledResponses sampled = MessageCodecTest.scored().responses();
        String json = new String(MessageCodec.encode(sampled), StandardCharsets.UTF_8);
        SampledResponses legacy = MessageCodec.decode(bytes(json.replace(",\"servedVersion\":0", "")),
                SampledResponses.class);
        SampledResponses pinned = new SampledResponses(1, sampled.request(), sampled.promptIds(), sampled.responses(),
                "g", 3);

        assertThat(sampled.servedVersion()).isZero();
        assertThat(legacy.servedVersion()).isNull();
        assertThat(legacy.effectiveVersion()).isZero();
        assertThat(pinned.effectiveVersion()).isEqualTo(3);
        assertThatThrownBy(() -> new SampledResponses(1, sampled.request(), List.of(1), sampled.responses(), "g", -1))
                .hasMessageContaining("SampledResponses.servedVersion");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
