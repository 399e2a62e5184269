package dev.sppo.generator;

import static org.awaitility.Awaitility.await;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Sends records to the test broker and reads topics from their beginning, as the generator's tests need. */
final class BrokerProbe implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker kafka;
    private final KafkaProducer<String, byte[]> producer;

    BrokerProbe(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
        this.producer = new KafkaProducer<>(KafkaTestUtils.producerProps(kafka), new StringSerializer(),
                new ByteArraySerializer());
    }

    void send(String topic, String key, byte[] value) {
        sendUnflushed(topic, key, value);
        flush();
    }

    /** Sends without waiting, so that records sent one after the other may travel together; see {@link #flush}. */
    void sendUnflushed(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Returns once every record sent so far is on the broker. */
    void flush() {
        producer.flush();
    }

    ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return awaitRecords(topic, records -> keys(records).contains(key)).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for everything read so far. */
    List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "probe-" + UUID.randomUUID(), false);
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return done.test(seen);
            });
        }
        return seen;
    }

    static Collection<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
