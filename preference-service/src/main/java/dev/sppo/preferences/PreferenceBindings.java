package dev.sppo.preferences;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.AcknowledgedPolls;
import dev.sppo.service.topics.ServiceTopics;
import dev.sppo.service.topics.TopicDeclarationConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Kafka side, bound in {@code preference-service.yml}: {@code score} takes each poll of {@code sppo.responses}
 * (group {@code preference}) and turns every {@link SampledResponses} of it into a {@link ScoredPrompt} on {@code
 * sppo.preferences}, keyed by prompt id ({@link PollScorer}); the poll's offsets are committed once all are sent.
 * Payloads are raw bytes: {@link MessageCodec} is the only JSON codec, and a message it refuses, or one that cannot be
 * scored, goes to the dead-letter topic. The topics are declared with their partitions before the bindings start
 * ({@link TopicDeclarationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicDeclarationConfiguration.class)
class PreferenceBindings {

    /** How long a poll whose scored prompts could not be sent waits before it is delivered again. */
    static final Duration REDELIVERY_PAUSE = Duration.ofSeconds(1);

    @Bean
    ServiceTopics preferenceTopics() {
        return new ServiceTopics(List.of(Topics.RESPONSES), List.of(Topics.PREFERENCES));
    }

    @Bean
    Consumer<Message<List<byte[]>>> score(PollScorer scorer) {
        return AcknowledgedPolls.consumer("sampled responses", REDELIVERY_PAUSE, scorer::score);
    }
}
