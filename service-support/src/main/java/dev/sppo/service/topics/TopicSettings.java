package dev.sppo.service.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a service declares its Kafka topics at start-up ({@code sppo.kafka.topics.*}).
 *
 * @param partitions partitions of every topic the service declares, dead-letter topics included: the most
 *     replicas of one consumer group that get work (default 2; {@code SPPO_TOPIC_PARTITIONS})
 * @param replicationFactor replicas of each partition of a topic the service creates; -1 (the default) takes the
 *     broker's {@code default.replication.factor} ({@code SPPO_TOPIC_REPLICATION_FACTOR})
 * @param addPartitions what happens to an existing topic with fewer partitions: false (the default) refuses to
 *     start, naming it, since adding partitions moves keys to other partitions and is an operator's decision;
 *     true adds them (the embedded platform, which owns its broker, does)
 * @param timeout how long the broker may take to answer each step of the declaration (default 30 s)
 */
@ConfigurationProperties("sppo.kafka.topics")
public record TopicSettings(
        @DefaultValue("2") int partitions,
        @DefaultValue("-1") short replicationFactor,
        @DefaultValue("false") boolean addPartitions,
        @DefaultValue("30s") Duration timeout) {

    /** {@link #replicationFactor()}: the broker's {@code default.replication.factor}. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("sppo.kafka.topics.partitions: must be at least 1, got " + partitions);
        }
        if (replicationFactor != BROKER_DEFAULT_REPLICATION && replicationFactor < 1) {
            throw new IllegalArgumentException("sppo.kafka.topics.replication-factor: must be -1 (the broker's "
                    + "default) or at least 1, got " + replicationFactor);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sppo.kafka.topics.timeout: must be positive, got " + timeout);
        }
    }
}
