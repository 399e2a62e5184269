package dev.sppo.trainer.messaging;

import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.JobEvent;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.DeadLetters;
import dev.sppo.service.topics.PolledRecord;
import dev.sppo.service.topics.RecordProducers;
import dev.sppo.trainer.checkpoint.Checkpoint;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the trainer's messages as {@link MessageCodec} JSON bytes with one plain Kafka producer, keyed as {@code
 * docs/contracts.md} says: requests by prompt id, checkpoints and job events by job id; and parks the records its
 * batch consumers give up on. Checkpoints and job events
 * are sent synchronously (a send that the broker has not acknowledged within {@link #SEND_TIMEOUT} throws);
 * generation requests asynchronously, a failed one only logged (the GENERATE watchdog republishes any that never
 * get an answer). A plain producer rather than a Spring Cloud Stream output binding: the binding's function
 * machinery (payload inspection, conversion, observation) cost about 2 ms of CPU a message, which an iteration's
 * 512 requests paid on the trainer's worker thread while the generator waited for them.
 */
@Component
public class MessagePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessagePublisher.class);

    /** How long a synchronous send waits for the broker's acknowledgement. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<byte[], byte[]> producer;

    /**
     * The synchronous sends wait for their acknowledgement anyway, so the client's batching delay ({@code
     * linger.ms}, 5 ms by default since kafka-clients 4.0) would be pure latency: 0. Requests sent in a burst are
     * still batched while earlier ones are in flight.
     */
    public MessagePublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.producer = RecordProducers.bytes(brokers, Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    public void request(GenerationRequest request) {
        producer.send(record(Topics.GENERATION_REQUESTS, request.promptId(), request), (metadata, failure) -> {
            if (failure != null) {
                LOG.warn("could not send the generation request of job {} iteration {} prompt {}: {}",
                        request.jobId(), request.iteration(), request.promptId(), failure.toString());
            }
        });
    }

    /**
     * Announces a recorded checkpoint: generators drop cached older versions of the job's policy, or replace only the
     * adapter of one on the same base.
     */
    public void checkpoint(Checkpoint checkpoint) {
        sendAndWait(Topics.CHECKPOINTS, checkpoint.jobId(), new CheckpointPublished(ContractVersion.CURRENT,
                checkpoint.jobId(), checkpoint.id(), checkpoint.policyVersion(), checkpoint.uri().toString(),
                checkpoint.sha256(), checkpoint.bytes(), checkpoint.parentId(), checkpoint.manifestSha256(),
                checkpoint.contractBase()));
    }

    public void event(JobEvent event) {
        sendAndWait(Topics.JOB_EVENTS, event.jobId(), event);
    }

    /** Parks a record read from {@code topic} on its dead-letter topic ({@link DeadLetters}); asynchronous. */
    public Future<RecordMetadata> deadLetter(String topic, PolledRecord record, Exception reason) {
        return new DeadLetters(producer, topic).park(record, reason);
    }

    private void sendAndWait(String topic, String key, Object payload) {
        try {
            producer.send(record(topic, key, payload)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(topic, key, payload, e);
        } catch (ExecutionException | TimeoutException e) {
            throw failed(topic, key, payload, e);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, Object payload) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), MessageCodec.encode(payload));
    }

    private static IllegalStateException failed(String topic, String key, Object payload, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("could not send " + payload.getClass().getSimpleName() + " " + key + " to "
                + topic + ": " + cause, cause);
    }

    @Override
    public void close() {
        producer.close();
    }
}
