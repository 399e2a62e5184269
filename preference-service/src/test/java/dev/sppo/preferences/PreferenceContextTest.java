package dev.sppo.preferences;

import dev.sppo.contracts.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** One preference-service context, shared by the test classes that extend this, against a real KRaft broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        PreferenceServiceApplication.CONFIG,
        "spring.cloud.stream.bindings.score-in-0.consumer.back-off-initial-interval=50",
        "logging.level.org.apache.kafka=WARN"})
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers",
        topics = {Topics.RESPONSES, Topics.PREFERENCES})
abstract class PreferenceContextTest {
}
