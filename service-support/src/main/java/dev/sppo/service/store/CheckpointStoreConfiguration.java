package dev.sppo.service.store;

import dev.sppo.service.auth.ServiceKeyProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * What a service that reads checkpoints imports ({@code @Import(CheckpointStoreConfiguration.class)}): the
 * {@link CheckpointStoreProperties} and, when {@code sppo.checkpoint-store.url} is set, the
 * {@link RemoteCheckpointStore} (the trainer's store API over http, sent the service's own key
 * {@code sppo.service.key}, or an S3-compatible bucket), and the problem bodies of its failures
 * ({@link CheckpointStoreProblems}).
 * Without a url there is no such bean, and the service reads {@code file:} URIs as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CheckpointStoreProperties.class, ServiceKeyProperties.class})
@Import(CheckpointStoreProblems.class)
public class CheckpointStoreConfiguration {

    @Bean
    @Conditional(StoreUrlSet.class)
    RemoteCheckpointStore remoteCheckpointStore(CheckpointStoreProperties properties, ServiceKeyProperties key,
            MeterRegistry registry) {
        return new RemoteCheckpointStore(properties, key.required() ? key.key() : null, registry);
    }

    /** Whether {@code sppo.checkpoint-store.url} holds a value. */
    static final class StoreUrlSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("sppo.checkpoint-store.url"));
        }
    }
}
