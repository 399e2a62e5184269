package dev.sppo.service.topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The plain Kafka producers that services keep beside Spring Cloud Stream's bindings, for the records whose send
 * they must see through themselves (a reply checked against the request size, a dead letter, an audit event): keys
 * and values already encoded as bytes, and every write acknowledged by all in-sync replicas ({@code acks=all}), as
 * the bindings' producers are configured.
 */
public final class RecordProducers {

    private RecordProducers() {}

    /**
     * @param brokers the bootstrap servers
     * @param settings further producer settings (for example {@code max.request.size}, {@code max.block.ms}); they
     *     override the defaults above
     */
    public static KafkaProducer<byte[], byte[]> bytes(String brokers, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(settings);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
