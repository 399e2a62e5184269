package dev.sppo.preferences;

import dev.sppo.service.auth.ServiceKeyConfiguration;
import dev.sppo.service.store.CheckpointStoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Scores sampled responses into the K x K preference matrix and win rates. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ServiceKeyConfiguration.class, CheckpointStoreConfiguration.class})
public class PreferenceServiceApplication {

    /**
     * The service reads {@code preference-service.yml}, not {@code application.yml}, so that the four services can share
     * one classpath in the embedded platform without reading each other's configuration.
     */
    public static final String CONFIG = "spring.config.name=preference-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PreferenceServiceApplication.class).properties(CONFIG).run(args);
    }
}
