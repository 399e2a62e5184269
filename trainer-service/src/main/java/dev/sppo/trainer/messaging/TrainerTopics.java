package dev.sppo.trainer.messaging;

import dev.sppo.contracts.Topics;
import dev.sppo.service.topics.ServiceTopics;
import dev.sppo.service.topics.TopicDeclarationConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * The trainer's topics, declared with their partitions before its bindings and its prompt consumer start
 * ({@link TopicDeclarationConfiguration}): it reads scored prompts, the prompt stream and the other services' audit
 * events, and writes generation requests, checkpoint events and job events.
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicDeclarationConfiguration.class)
public class TrainerTopics {

    @Bean
    ServiceTopics serviceTopics() {
        return new ServiceTopics(List.of(Topics.PREFERENCES, Topics.PROMPTS, Topics.AUDIT),
                List.of(Topics.GENERATION_REQUESTS, Topics.CHECKPOINTS, Topics.JOB_EVENTS));
    }
}
