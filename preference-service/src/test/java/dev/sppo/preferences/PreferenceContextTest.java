package dev.sppo.preferences;

import dev.sppo.checkpoint.JvmTempDirectory;
import dev.sppo.contracts.Topics;
import dev.sppo.judge.FakeChatServer;
import dev.sppo.judge.FakeChatServer.Reply;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One preference-service context, shared by the test classes that extend this, against a real KRaft broker and
 * two LLM judges: {@code fake}, a local {@link FakeChatServer} that needs the key {@value #KEY} and prefers the
 * longer response, answering "A" on a tie (a pure position bias), and {@code down}, whose endpoint refuses
 * connections. Learned and exported models given over REST load from the checkpoint store {@link #store} only, and
 * every route but health and Prometheus asks for the service key {@value #SERVICE_KEY}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        PreferenceServiceApplication.CONFIG,
        "sppo.preference.retry.back-off-initial=50ms",
        "logging.level.org.apache.kafka=WARN",
        "FAKE_JUDGE_KEY=" + PreferenceContextTest.KEY,
        "sppo.service.key=" + PreferenceContextTest.SERVICE_KEY,
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
    static final String SERVICE_KEY = "preference-test-service-key";
    static final FakeChatServer FAKE_JUDGE = longerWins();
    /** The checkpoint store of the shared context: one per JVM, as every subclass shares the context. */
    static final Path store = JvmTempDirectory.create("preference-store");

    @DynamicPropertySource
    static void judgesAndStore(DynamicPropertyRegistry registry) {
        registry.add("sppo.preference.llm-judges.fake.base-url", () -> FAKE_JUDGE.baseUrl().toString());
        registry.add("sppo.preference.checkpoint-root", store::toString);
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
