package dev.sppo.service.auth;

import dev.sppo.contracts.AuditEvent;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.Topics;
import dev.sppo.service.FieldProblems;
import dev.sppo.service.topics.RecordProducers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audit log of a service without a database: each change is sent as an {@link AuditEvent} on {@link
 * Topics#AUDIT} (keyed by its target), which the trainer-service records in its {@code audit_log}, and written as
 * an {@link Audit} line. The send waits for the broker's acknowledgement: a caller records the change before it
 * makes it, so that a change the log cannot hold is refused (a 503 problem) instead of made unrecorded.
 */
public final class AuditPublisher implements AutoCloseable {

    /** How long a change waits by default for the broker to take its record. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<byte[], byte[]> producer;
    private final Duration timeout;

    /** @param timeout how long a change waits for the broker to take its record before it is refused */
    public AuditPublisher(String brokers, Duration timeout) {
        this.timeout = timeout;
        this.producer = RecordProducers.bytes(brokers, Map.of(ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis()));
    }

    /**
     * Records that {@code caller} did {@code action} to the {@code kind} with this id, e.g. "unpinned", "job".
     *
     * @throws ErrorResponseException a 503 problem when the broker did not take the record in time
     */
    public void record(Caller caller, String action, String kind, String id) {
        AuditEvent event = new AuditEvent(ContractVersion.CURRENT, UUID.randomUUID().toString(), caller.name(),
                caller.admin(), action, kind, id, System.currentTimeMillis());
        try {
            producer.send(new ProducerRecord<>(Topics.AUDIT, id.getBytes(StandardCharsets.UTF_8),
                    MessageCodec.encode(event))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e);
        }
        Audit.line(caller, action, kind, id);
    }

    private static ErrorResponseException unavailable(Exception cause) {
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, FieldProblems.problem(
                HttpStatus.SERVICE_UNAVAILABLE, "Audit log unavailable", "the change was not made: its audit record "
                        + "could not be sent to " + Topics.AUDIT + " (" + cause.getMessage() + ")"), cause);
    }

    @Override
    public void close() {
        producer.close();
    }
}
