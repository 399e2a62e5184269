package dev.sppo.preferences;

import dev.sppo.contracts.Topics;
import dev.sppo.judge.FakeChatServer;
import dev.sppo.judge.FakeChatServer.Reply;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One preference-service context, shared by the test classes that extend this, against a real KRaft broker and
 * two LLM judges: {@code fake}, a local {@link FakeChatServer} that needs the key {@value #KEY} and prefers the
 * longer response, answering "A" on a tie (a pure position bias), and {@code down}, whose endpoint refuses
 * connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        PreferenceServiceApplication.CONFIG,
        "spring.cloud.stream.bindings.score-in-0.consumer.back-off-initial-interval=50",
        "logging.level.org.apache.kafka=WARN",
        "FAKE_JUDGE_KEY=" + PreferenceContextTest.KEY,
        "sppo.preference.llm-judges.fake.model=fake-model",
        "sppo.preference.llm-judges.fake.prompt-template=" + PreferenceContextTest.TEMPLATE,
        "sppo.preference.llm-judges.fake.api-key-env=FAKE_JUDGE_KEY",
        "sppo.preference.llm-judges.fake.initial-backoff=1ms",
        "sppo.preference.llm-judges.down.base-url=http://127.0.0.1:1/v1",
        "sppo.preference.llm-judges.down.model=none",
        "sppo.preference.llm-judges.down.max-retries=1",
        "sppo.preference.llm-judges.down.initial-backoff=1ms"})
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers",
        topics = {Topics.RESPONSES, Topics.PREFERENCES})
abstract class PreferenceContextTest {

    static final String KEY = "sk-test-secret-42";
    /** Lets the fake read the two responses out of the judge's prompt. */
    static final String TEMPLATE = "{prompt}|{response_a}|{response_b}";
    static final FakeChatServer FAKE_JUDGE = longerWins();

    @DynamicPropertySource
    static void judges(DynamicPropertyRegistry registry) {
        registry.add("sppo.preference.llm-judges.fake.base-url", () -> FAKE_JUDGE.baseUrl().toString());
    }

    private static FakeChatServer longerWins() {
        try {
            return new FakeChatServer(seen -> {
                String[] parts = seen.content().split("\\|", -1);
                return Reply.ok(FakeChatServer.completion(parts[2].length() > parts[1].length() ? "B" : "A"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
