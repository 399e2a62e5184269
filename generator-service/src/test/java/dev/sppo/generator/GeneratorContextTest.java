package dev.sppo.generator;

import dev.sppo.checkpoint.JvmTempDirectory;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generator context, shared by the test classes that extend this, against a real KRaft broker whose topics
 * have two partitions; a tiny random checkpoint lies in {@link #checkpoint}, inside the checkpoint store {@link #store}.
 * Every route but health and Prometheus asks for the service key {@value #SERVICE_KEY}. Batches are kept small
 * ({@link #MAX_REQUESTS}, {@link #MAX_SEQUENCES}) so that their bounds show, and so is the producers' request size
 * ({@link #MAX_REQUEST_BYTES}), so that a reply can outgrow it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        GeneratorServiceApplication.CONFIG,
        "sppo.generator.instance-id=gen-a",
        "sppo.service.key=" + GeneratorContextTest.SERVICE_KEY,
        "sppo.generator.retry.back-off-initial=50ms",
        "sppo.generator.batching.max-requests=" + GeneratorContextTest.MAX_REQUESTS,
        "sppo.generator.batching.max-sequences=" + GeneratorContextTest.MAX_SEQUENCES,
        "spring.cloud.stream.kafka.binder.producer-properties.max.request.size="
                + GeneratorContextTest.MAX_REQUEST_BYTES,
        "logging.level.org.apache.kafka=WARN"})
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers",
        topics = {Topics.GENERATION_REQUESTS, Topics.RESPONSES, Topics.CHECKPOINTS, Topics.JOB_EVENTS})
abstract class GeneratorContextTest {

    static final String SERVICE_KEY = "generator-test-service-key";
    /** Requests per poll: small, so that a backlog takes several polls. */
    static final int MAX_REQUESTS = 16;
    /** Rows per sampling call: 3 prompts of {@link #request}'s K = 4. */
    static final int MAX_SEQUENCES = 12;
    /** The producers' max.request.size: room for a reply of K = 4 short responses, not for one of 64. */
    static final int MAX_REQUEST_BYTES = 4096;

    /**
     * The checkpoint store of the shared context: one per JVM, since every subclass shares the context and with it
     * the store it was started with (a JUnit temporary directory would be one per class); deleted at exit.
     */
    static final Path store = JvmTempDirectory.create("generator-store");
    static Path checkpoint;

    @DynamicPropertySource
    static void checkpointStore(DynamicPropertyRegistry registry) {
        registry.add("sppo.generator.checkpoint-root", () -> store.toString());
    }

    /** A request for 4 responses of at most 6 tokens to {@code prompt}, from the tiny checkpoint. */
    static GenerationRequest request(String job, String checkpointId, int version, String promptId, String prompt) {
        return new GenerationRequest(1, job, version, promptId, prompt, checkpointId, checkpoint.toUri().toString(),
                version, new SamplingSpec(4, 1.0, 1.0, 0, 6, 11L), new PreferenceSpec("gold_judge", "addition", 0.1));
    }

    private static BrokerProbe probe;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @AfterAll
    static void closeProbe() {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }

    /** The test class's producer and readers on the broker, opened on first use and closed after the class. */
    BrokerProbe probe() {
        if (probe == null) {
            probe = new BrokerProbe(kafka);
        }
        return probe;
    }

    @BeforeAll
    static void writeCheckpoint() throws Exception {
        Path dir = store.resolve("ckpt-0");
        checkpoint = Files.isDirectory(dir) ? dir : TinyCheckpoint.write(dir, 3);
    }
}
