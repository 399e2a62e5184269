package dev.sppo.trainer;

import dev.sppo.service.auth.ServiceKeyConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Owns jobs, iterations and checkpoints in Postgres; trains and drives SPPO iterations. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServiceKeyConfiguration.class)
@EnableScheduling
public class TrainerServiceApplication {

    /**
     * The service reads {@code trainer-service.yml}, not {@code application.yml}, so that the four services can share
     * one classpath in the embedded platform without reading each other's configuration.
     */
    public static final String CONFIG = "spring.config.name=trainer-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(TrainerServiceApplication.class).properties(CONFIG).run(args);
    }
}
