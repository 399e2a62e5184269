package dev.sppo.preferences;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.DeadLetters;
import dev.sppo.service.topics.PolledRecord;
import dev.sppo.service.topics.RecordProducers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * What the batch consumer writes, with one plain producer ({@link RecordProducers#bytes}): scored prompts on {@code
 * sppo.preferences}, keyed by prompt id, and the sampled responses it gives up on, parked on {@code
 * sppo.responses.dlt} ({@link DeadLetters}). Sends are asynchronous; the caller waits on the futures before it
 * commits the poll's offsets.
 */
@Component
class ScoredPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final DeadLetters deadLetters;

    ScoredPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.producer = RecordProducers.bytes(brokers, Map.of());
        this.deadLetters = new DeadLetters(producer, Topics.RESPONSES);
    }

    Future<RecordMetadata> scored(ScoredPrompt scored) {
        return producer.send(new ProducerRecord<>(Topics.PREFERENCES, scored.key().getBytes(StandardCharsets.UTF_8),
                MessageCodec.encode(scored)));
    }

    Future<RecordMetadata> deadLetter(PolledRecord record, Exception reason) {
        return deadLetters.park(record, reason);
    }

    @Override
    public void close() {
        producer.close();
    }
}
