package dev.sppo.fuzz;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The records written to a topic after a point: {@link #mark} notes the topic's end offsets, {@link #read} reads
 * from there, without a consumer group, until a condition holds or time is up. A topic that does not exist yet
 * has no records to skip.
 */
public final class TopicTail implements AutoCloseable {

    /**
     * A record read, by what the fuzzer can recognise it: the digest of its value, and its reason header.
     *
     * @param valueSha256 the SHA-256 of the value, hex (of zero bytes for a null value)
     * @param reason the value of the reason header ({@code x-exception-message} or {@code sppo-error}); "" if none
     */
    public record Tailed(String valueSha256, String reason) {
    }

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private Map<TopicPartition, Long> start = Map.of();

    private TopicTail(String topic, String bootstrap) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024));
    }

    /** A tail of {@code topic} that starts at its current end. */
    public static TopicTail mark(String topic, String bootstrap) {
        TopicTail tail = new TopicTail(topic, bootstrap);
        tail.start = tail.consumer.endOffsets(tail.partitions());
        return tail;
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Every record since the mark, read until {@code enough} holds for them or {@code timeout} passes. */
    public List<Tailed> read(Predicate<List<Tailed>> enough, Duration timeout) {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, start.getOrDefault(partition, 0L));
        }
        List<Tailed> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!enough.test(records) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                records.add(new Tailed(sha256(record.value()), reason(record)));
            }
        }
        return records;
    }

    static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value == null ? new byte[0] : value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        for (Header header : record.headers()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if ((name.contains("exception-message") || name.equals("sppo-error")) && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        consumer.close();
    }
}
