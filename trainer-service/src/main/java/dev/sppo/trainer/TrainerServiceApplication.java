package dev.sppo.trainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns jobs, iterations and checkpoints in Postgres; trains and drives SPPO iterations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainerServiceApplication.class, args);
    }
}
