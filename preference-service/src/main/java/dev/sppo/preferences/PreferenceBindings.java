package dev.sppo.preferences;

import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.ServiceTopics;
import dev.sppo.service.topics.TopicDeclarationConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The Kafka side, bound in {@code preference-service.yml}: {@code score} turns {@link SampledResponses} from
 * {@code sppo.responses} (group {@code preference}) into a {@link ScoredPrompt} on {@code sppo.preferences}, keyed
 * by prompt id. Payloads are raw bytes: {@link MessageCodec} is the only JSON codec, and a message it refuses, or
 * one that cannot be scored, goes to the dead-letter topic. The topics are declared with their partitions before the
 * bindings start ({@link TopicDeclarationConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicDeclarationConfiguration.class)
class PreferenceBindings {

    @Bean
    ServiceTopics preferenceTopics() {
        return new ServiceTopics(List.of(Topics.RESPONSES), List.of(Topics.PREFERENCES));
    }

    @Bean
    Function<Message<byte[]>, Message<byte[]>> score(PromptScorer scorer) {
        return message -> {
            ScoredPrompt scored = scorer.score(MessageCodec.decode(message.getPayload(), SampledResponses.class));
            return MessageBuilder.withPayload(MessageCodec.encode(scored))
                    .setHeader(KafkaHeaders.KEY, scored.key().getBytes(StandardCharsets.UTF_8))
                    .build();
        };
    }
}
