package dev.sppo.service.topics;

import dev.sppo.contracts.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/**
 * Parks the records a batch consumer gives up on, unchanged, on its topic's dead-letter topic ({@link
 * Topics#deadLetter}: same key, same partition), with the reason in the {@value #REASON_HEADER} header and the
 * exception's class in {@value #REASON_CLASS_HEADER}, as the stream binder's dead-letter queue writes them for the
 * per-record bindings. The send is asynchronous: the caller waits on the future before it commits the record's offset.
 *
 * @param producer the service's byte producer ({@link RecordProducers#bytes})
 * @param topic the topic the records were read from
 */
public record DeadLetters(Producer<byte[], byte[]> producer, String topic) {

    public static final String REASON_HEADER = "x-exception-message";
    public static final String REASON_CLASS_HEADER = "x-exception-fqcn";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** Parks {@code record} with {@code reason}, and says so in the log. */
    public Future<RecordMetadata> park(PolledRecord record, Exception reason) {
        LOG.warn("Record of {} at partition {} parked on {}: {}", topic, record.partition(), Topics.deadLetter(topic),
                reason.getMessage());
        ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(Topics.deadLetter(topic), record.partition(),
                record.key(), record.payload());
        parked.headers().add(REASON_HEADER, String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        parked.headers().add(REASON_CLASS_HEADER, reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        return producer.send(parked);
    }
}
