package dev.sppo.service.topics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The consumer of a batch-mode binding whose offsets the service commits itself ({@code ack-mode: MANUAL}): each
 * poll's records go to a {@link Handler}, and the poll is acknowledged only when the handler returns, that is once
 * everything it sent (replies, dead letters) is on the broker and everything it stored is committed. When the
 * handler throws, the whole poll is delivered again after a pause, so a record is handled at least once and may be
 * handled twice: handlers are idempotent by key. A record that can never be handled is for the handler to park
 * ({@link DeadLetters}), not to throw for, or its partition would stall on it.
 */
public final class AcknowledgedPolls {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgedPolls.class);

    /** What a service does with one poll. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<PolledRecord> records) throws Exception;
    }

    private AcknowledgedPolls() {}

    /**
     * @param what the records, for the log (such as "generation requests")
     * @param redeliveryPause how long a poll whose handling failed waits before it is delivered again
     */
    public static Consumer<Message<List<byte[]>>> consumer(String what, Duration redeliveryPause, Handler handler) {
        return message -> {
            Acknowledgment acknowledgment = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT,
                    Acknowledgment.class);
            try {
                handler.handle(PolledRecord.of(message));
                acknowledgment.acknowledge();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acknowledgment.nack(0, redeliveryPause);
            } catch (Exception e) {
                LOG.warn("Handling {} {} failed; they will be delivered again: {}", message.getPayload().size(), what,
                        e.toString());
                acknowledgment.nack(0, redeliveryPause);
            }
        };
    }
}
