package dev.sppo.trainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns jobs, iterations and checkpoints in Postgres; trains and drives SPPO iterations. */
@SpringBootApplication
public class TrainerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainerServiceApplication.class, args);
    }
}
