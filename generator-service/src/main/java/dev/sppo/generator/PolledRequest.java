package dev.sppo.generator;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of a poll of {@code sppo.generation.requests}, as the batch consumer received it.
 *
 * @param partition the partition it was read from
 * @param key its key (the prompt id), or null
 * @param payload its bytes, a {@code GenerationRequest} unless malformed
 */
record PolledRequest(int partition, byte[] key, byte[] payload) {

    /** The records of a batch-mode message, whose headers hold one value per record, in the payload's order. */
    static List<PolledRequest> of(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<PolledRequest> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            byte[] key = keys == null ? null : (byte[]) keys.get(i);
            out.add(new PolledRequest((Integer) partitions.get(i), key, payloads.get(i)));
        }
        return out;
    }
}
