package dev.sppo.trainer.orchestration;

import dev.sppo.service.topics.AcknowledgedPolls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code preferences} function bound to {@code sppo.preferences} (group {@code trainer}): each poll's raw
 * records, handled together by {@link PreferenceIntake}, which parks the ones it cannot take on {@code
 * sppo.preferences.dlt}. The poll's offsets are committed once its results are stored; when that fails (the
 * database lost) the poll is delivered again after {@link #REDELIVERY_PAUSE} (see {@code trainer-service.yml}).
 */
@Configuration(proxyBeanMethods = false)
public class PreferenceListener {

    /** How long a poll whose results could not be stored waits before it is delivered again. */
    static final Duration REDELIVERY_PAUSE = Duration.ofSeconds(2);

    @Bean
    public Consumer<Message<List<byte[]>>> preferences(PreferenceIntake intake) {
        return AcknowledgedPolls.consumer("scored prompts", REDELIVERY_PAUSE, intake::accept);
    }
}
