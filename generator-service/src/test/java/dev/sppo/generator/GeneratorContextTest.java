package dev.sppo.generator;

import dev.sppo.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.file.Path;

/**
 * One generator context, shared by the test classes that extend this, against a real KRaft broker whose topics
 * have two partitions; a tiny random checkpoint lies in {@link #checkpoint}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        GeneratorServiceApplication.CONFIG,
        "sppo.generator.instance-id=gen-a",
        "spring.cloud.stream.bindings.generate-in-0.consumer.back-off-initial-interval=50",
        "logging.level.org.apache.kafka=WARN"})
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers",
        topics = {Topics.GENERATION_REQUESTS, Topics.RESPONSES, Topics.CHECKPOINTS})
abstract class GeneratorContextTest {

    @TempDir
    static Path store;
    static Path checkpoint;

    @BeforeAll
    static void writeCheckpoint() throws Exception {
        checkpoint = TinyCheckpoint.write(store.resolve("ckpt-0"), 3);
    }
}
