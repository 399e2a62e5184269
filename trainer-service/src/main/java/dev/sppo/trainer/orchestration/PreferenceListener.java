package dev.sppo.trainer.orchestration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/**
 * The {@code preferences} function bound to {@code sppo.preferences} (group {@code trainer}): raw bytes in,
 * decoded by {@link PreferenceIntake}. A message that throws is retried a few times, except an invalid one,
 * and then parked on {@code sppo.preferences.dlt}; the consumer goes on (see {@code trainer-service.yml}).
 */
@Configuration(proxyBeanMethods = false)
public class PreferenceListener {

    @Bean
    public Consumer<byte[]> preferences(PreferenceIntake intake) {
        return intake::accept;
    }
}
