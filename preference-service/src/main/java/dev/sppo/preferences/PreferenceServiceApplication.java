package dev.sppo.preferences;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Scores sampled responses into the K x K preference matrix and win rates. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PreferenceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PreferenceServiceApplication.class, args);
    }
}
