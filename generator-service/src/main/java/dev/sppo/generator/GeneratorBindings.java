package dev.sppo.generator;

import dev.sppo.contracts.CheckpointPublished;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.JobEvent;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.ServiceTopics;
import dev.sppo.service.topics.TopicDeclarationConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Kafka side, bound in {@code generator-service.yml}: {@code generate} turns a {@link GenerationRequest} from
 * {@code sppo.generation.requests} (group {@code generator}) into {@link SampledResponses} on {@code sppo.responses},
 * keyed by prompt id, unless the request's job has stopped ({@link StoppedJobFilter}); {@code jobEvents} learns which
 * jobs have stopped from {@code sppo.job-events}; {@code checkpoints} hot-reloads on every {@link
 * CheckpointPublished} (one anonymous group per replica, so every replica sees every event). Payloads are raw bytes: {@link MessageCodec} is the only JSON codec,
 * and a message it refuses goes to the dead-letter topic. The topics are declared with their partitions before the
 * bindings start ({@link TopicDeclarationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicDeclarationConfiguration.class)
class GeneratorBindings {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorBindings.class);

    @Bean
    ServiceTopics generatorTopics() {
        return new ServiceTopics(List.of(Topics.GENERATION_REQUESTS, Topics.CHECKPOINTS, Topics.JOB_EVENTS),
                List.of(Topics.RESPONSES));
    }

    @Bean
    Function<Message<byte[]>, Message<byte[]>> generate(GenerationService service, StoppedJobFilter stopped) {
        return message -> {
            GenerationRequest request = MessageCodec.decode(message.getPayload(), GenerationRequest.class);
            if (stopped.drops(request)) {
                return null;
            }
            SampledResponses responses = service.answer(request);
            return MessageBuilder.withPayload(MessageCodec.encode(responses))
                    .setHeader(KafkaHeaders.KEY, request.promptId().getBytes(StandardCharsets.UTF_8))
                    .build();
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
