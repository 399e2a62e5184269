package dev.sppo.platform;

import dev.sppo.judge.FakeChatServer.Reply;
import dev.sppo.judge.FakeChatServer;

import java.io.IOException;
import java.util.List;

/**
 * The preference-service's LLM judge {@code local}, pointed (by system properties, which outrank its YAML) at a
 * local fake OpenAI-compatible server that prefers the response that sorts last. Start it before the platform.
 */
final class LocalJudge implements AutoCloseable {

    private static final String PREFIX = "sppo.preference.llm-judges.local.";
    private static final List<String> SETTINGS = List.of(PREFIX + "base-url", PREFIX + "prompt-template");

    private final FakeChatServer server;

    LocalJudge() throws IOException {
        server = new FakeChatServer(seen -> {
            String[] shown = seen.content().split("\\|", -1);
            return Reply.ok(FakeChatServer.completion(shown[2].compareTo(shown[1]) > 0 ? "B" : "A"));
        });
        System.setProperty(SETTINGS.get(0), server.baseUrl().toString());
        System.setProperty(SETTINGS.get(1), "{prompt}|{response_a}|{response_b}");
    }

    /** How many comparisons the judge was asked. */
    int asked() {
        return server.seen().size();
    }

    @Override
    public void close() {
        server.close();
        SETTINGS.forEach(System::clearProperty);
    }
}
