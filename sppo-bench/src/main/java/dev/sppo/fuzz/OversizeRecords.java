package dev.sppo.fuzz;

import dev.sppo.contracts.Topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Records larger than the broker accepts, sent to {@code sppo.prompts} as an outside producer would: one over the
 * producer's own default limit ({@code max.request.size}, 1 MiB), refused before it leaves the client, and one
 * within a raised client limit but over the broker's ({@code message.max.bytes}, about 1 MiB by default), refused
 * by the broker. Both must fail the send with {@link RecordTooLargeException}, never be written.
 */
final class OversizeRecords {

    /** How many oversize records {@link #refused} sends. */
    static final int SENT = 2;
    private static final int OVER_DEFAULT = 1024 * 1024 + 1;
    private static final int RAISED_LIMIT = 8 * 1024 * 1024;
    private static final int OVER_BROKER = 2 * 1024 * 1024;

    private final String bootstrap;

    OversizeRecords(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Sends both records; returns how many were refused as too large, and adds a hole for each that was not. */
    long refused(List<String> holes) throws InterruptedException {
        long refused = 0;
        try (KafkaProducer<byte[], byte[]> plain = KafkaFuzzer.producer(bootstrap, Map.of());
                KafkaProducer<byte[], byte[]> raised = KafkaFuzzer.producer(bootstrap, Map.of(
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RAISED_LIMIT,
                        ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * RAISED_LIMIT,
                        ProducerConfig.RETRIES_CONFIG, 0))) {
            refused += refusedAsTooLarge(plain, OVER_DEFAULT, holes);
            refused += refusedAsTooLarge(raised, OVER_BROKER, holes);
        }
        return refused;
    }

    private static long refusedAsTooLarge(KafkaProducer<byte[], byte[]> producer, int bytes, List<String> holes)
            throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(Topics.PROMPTS, "oversize".getBytes(), new byte[bytes])).get();
            holes.add("a record of " + bytes + " bytes was written to " + Topics.PROMPTS);
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                return 1;
            }
            holes.add("a record of " + bytes + " bytes failed otherwise: " + e.getCause());
            return 0;
        }
    }
}
