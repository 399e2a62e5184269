package dev.sppo.generator;

import dev.sppo.service.auth.ServiceKeyConfiguration;
import dev.sppo.service.store.CheckpointStoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Samples K responses per prompt from the requested checkpoint and publishes them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ServiceKeyConfiguration.class, CheckpointStoreConfiguration.class})
public class GeneratorServiceApplication {

    /**
     * The service reads {@code generator-service.yml}, not {@code application.yml}, so that the four services can share
     * one classpath in the embedded platform without reading each other's configuration.
     */
    public static final String CONFIG = "spring.config.name=generator-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GeneratorServiceApplication.class).properties(CONFIG).run(args);
    }
}
