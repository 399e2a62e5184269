package dev.sppo.service.topics;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of a poll, as a batch-mode consumer binding received it ({@code batch-mode: true} with {@code
 * use-native-decoding: true}: the records' bytes as they are).
 *
 * @param partition the partition it was read from
 * @param key its key, or null
 * @param payload its bytes, unless malformed a message of the topic's contract
 */
public record PolledRecord(int partition, byte[] key, byte[] payload) {

    /** The records of a batch-mode message, whose headers hold one value per record, in the payload's order. */
    public static List<PolledRecord> of(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<PolledRecord> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            byte[] key = keys == null ? null : (byte[]) keys.get(i);
            out.add(new PolledRecord((Integer) partitions.get(i), key, payloads.get(i)));
        }
        return out;
    }
}
