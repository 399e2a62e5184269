package dev.sppo.generator;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * What the batch consumer writes: replies on {@code sppo.responses}, keyed by prompt id, and the requests it gives up
 * on, parked unchanged on {@code sppo.generation.requests.dlt} (same key and partition) with the reason in the
 * {@code x-exception-message} header, as the stream binder's dead-letter queue writes it. Sends are asynchronous;
 * the caller waits on the returned futures before it commits the requests' offsets. Acknowledged by all in-sync
 * replicas.
 */
@Component
class ReplyPublisher implements AutoCloseable {

    static final String REASON_HEADER = "x-exception-message";
    static final String REASON_CLASS_HEADER = "x-exception-fqcn";

    private final KafkaProducer<byte[], byte[]> producer;

    ReplyPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    Future<RecordMetadata> reply(SampledResponses responses) {
        return producer.send(new ProducerRecord<>(Topics.RESPONSES,
                responses.request().promptId().getBytes(StandardCharsets.UTF_8), MessageCodec.encode(responses)));
    }

    Future<RecordMetadata> deadLetter(PolledRequest request, Exception reason) {
        ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(Topics.deadLetter(Topics.GENERATION_REQUESTS),
                request.partition(), request.key(), request.payload());
        parked.headers().add(REASON_HEADER, String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        parked.headers().add(REASON_CLASS_HEADER, reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        return producer.send(parked);
    }

    @Override
    public void close() {
        producer.close();
    }
}
