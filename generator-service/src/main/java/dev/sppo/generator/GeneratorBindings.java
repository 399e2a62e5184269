package dev.sppo.generator;

import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.JobEvent;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.Topics;
import dev.sppo.service.auth.AuditPublisher;
import dev.sppo.service.topics.AcknowledgedPolls;
import dev.sppo.service.topics.ServiceTopics;
import dev.sppo.service.topics.TopicDeclarationConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Kafka side, bound in {@code generator-service.yml}: {@code generate} turns the {@link GenerationRequest}s of
 * each poll of {@code sppo.generation.requests} (group {@code generator}) into {@link SampledResponses} on
 * {@code sppo.responses}, keyed by prompt id, unless the request's job has stopped ({@link BatchAnswerer}); {@code
 * jobEvents} learns which jobs have stopped from {@code sppo.job-events}; {@code checkpoints} hot-reloads on every
 * {@link CheckpointPublished} (one anonymous group per replica, so every replica sees every event). Payloads are raw
 * bytes: {@link MessageCodec} is the only JSON codec, and a request it refuses goes to the dead-letter topic. The
 * topics are declared with their partitions before the bindings start ({@link TopicDeclarationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicDeclarationConfiguration.class)
class GeneratorBindings {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorBindings.class);

    /** How long a poll whose answers could not be published waits before it is delivered again. */
    static final Duration REDELIVERY_PAUSE = Duration.ofSeconds(1);

    @Bean
    ServiceTopics generatorTopics() {
        return new ServiceTopics(List.of(Topics.GENERATION_REQUESTS, Topics.CHECKPOINTS, Topics.JOB_EVENTS),
                List.of(Topics.RESPONSES, Topics.AUDIT));
    }

    /** The pins' audit records, for the trainer-service's {@code audit_log} ({@link PinController}). */
    @Bean(destroyMethod = "close")
    AuditPublisher auditPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new AuditPublisher(brokers, AuditPublisher.DEFAULT_TIMEOUT);
    }

    /**
     * A batch of requests per poll ({@code batch-mode}, at most {@link BatchingProperties#maxRequests()} records),
     * answered together ({@link BatchAnswerer}); the poll's offsets are committed (a manual acknowledgement) only
     * once every reply and dead letter is on the broker. When that fails the whole poll is delivered again after
     * {@link #REDELIVERY_PAUSE}: a request may then be answered twice, which the trainer's store absorbs.
     */
    @Bean
    Consumer<Message<List<byte[]>>> generate(BatchAnswerer answerer) {
        return AcknowledgedPolls.consumer("generation requests", REDELIVERY_PAUSE, answerer::answer);
    }

    /** Each poll of {@code sppo.generation.requests} takes at most {@link BatchingProperties#maxRequests()}. */
    @Bean
    ConsumerConfigCustomizer requestsPerPoll(BatchingProperties batching) {
        return (config, binding, destination) -> {
            if (Topics.GENERATION_REQUESTS.equals(destination)) {
                config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batching.maxRequests());
            }
        };
    }

    /**
     * Learns which jobs have stopped. Every replica reads every event from the topic's beginning (an anonymous group
     * starting at the earliest offset), so a restarted one knows the jobs that stopped before it started; a malformed
     * event is logged and skipped.
     */
    @Bean
    Consumer<Message<byte[]>> jobEvents(EndedJobs ended, JobEventsCatchUp catchUp) {
        return message -> {
            try {
                ended.record(MessageCodec.decode(message.getPayload(), JobEvent.class));
            } catch (InvalidMessageException e) {
                LOG.warn("Skipped a malformed job event: {}", e.getMessage());
            }
            catchUp.read(message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                    message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
        };
    }

    /**
     * A malformed checkpoint event is logged and skipped rather than dead-lettered: every replica reads every event,
     * so each would dead-letter its own copy.
     */
    @Bean
    Consumer<Message<byte[]>> checkpoints(CheckpointCache cache, VersionPins pins) {
        return message -> {
            try {
                CheckpointPublished event = MessageCodec.decode(message.getPayload(), CheckpointPublished.class);
                pins.remember(CheckpointRef.of(event));
                cache.reload(event);
            } catch (InvalidMessageException e) {
                LOG.warn("Skipped a malformed checkpoint event: {}", e.getMessage());
            }
        };
    }
}
