package dev.sppo.generator;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.DeadLetters;
import dev.sppo.service.topics.PolledRecord;
import dev.sppo.service.topics.RecordProducers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * What the batch consumer writes: replies on {@code sppo.responses}, keyed by prompt id, and the requests it gives up
 * on, parked on {@code sppo.generation.requests.dlt} ({@link DeadLetters}). Sends are asynchronous;
 * the caller waits on the returned futures before it commits the requests' offsets. Acknowledged by all in-sync
 * replicas. A reply larger than the producer may send ({@code max.request.size}, the binder's producer setting; 1
 * MiB by default) is refused before it is sent ({@link ReplyTooLargeException}), so that its request is parked
 * instead of the poll failing again on every redelivery.
 */
@Component
class ReplyPublisher implements AutoCloseable {

    /** Room left in a request for the record's framing and headers beside its key and value. */
    static final int RECORD_OVERHEAD_BYTES = 1024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final DeadLetters deadLetters;
    private final int maxRequestBytes;

    ReplyPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.kafka.binder.producer-properties.max.request.size:1048576}")
            int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
        this.producer = RecordProducers.bytes(brokers,
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes));
        this.deadLetters = new DeadLetters(producer, Topics.GENERATION_REQUESTS);
    }

    /** @throws ReplyTooLargeException when the encoded reply does not fit in one producer request */
    Future<RecordMetadata> reply(SampledResponses responses) {
        byte[] key = responses.request().promptId().getBytes(StandardCharsets.UTF_8);
        byte[] value = MessageCodec.encode(responses);
        if (key.length + value.length + RECORD_OVERHEAD_BYTES > maxRequestBytes) {
            throw new ReplyTooLargeException(value.length, maxRequestBytes, responses.request().sampling());
        }
        return producer.send(new ProducerRecord<>(Topics.RESPONSES, key, value));
    }

    Future<RecordMetadata> deadLetter(PolledRecord request, Exception reason) {
        return deadLetters.park(request, reason);
    }

    @Override
    public void close() {
        producer.close();
    }
}
