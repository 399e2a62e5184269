package dev.sppo.service.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Declares the service's {@link ServiceTopics} on its broker (the binder's {@code brokers}) once every bean is
 * created, so before any binding starts (bindings start with the context's lifecycle): a service never runs
 * on topics with fewer partitions than configured. A service imports this and defines its {@link ServiceTopics}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
public class TopicDeclarationConfiguration {

    @Bean
    SmartInitializingSingleton declareTopics(ServiceTopics topics, TopicSettings settings,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return () -> {
            Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis());
            try (Admin admin = Admin.create(config)) {
                new TopicDeclaration(admin, settings).declare(topics.declared());
            }
        };
    }
}
