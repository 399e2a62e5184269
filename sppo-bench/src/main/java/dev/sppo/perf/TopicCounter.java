package dev.sppo.perf;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * How many messages have been written to some topics so far: the sum over each topic's partitions of the latest
 * offset. Reading it while a job runs shows how far each stage of the pipeline has got.
 */
final class TopicCounter implements AutoCloseable {

    private final Admin admin;
    private final List<String> topics;

    TopicCounter(String bootstrapServers, List<String> topics) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.topics = List.copyOf(topics);
    }

    /** Messages written to each topic, in the order of the constructor's list. */
    long[] counts() throws InterruptedException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(
                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get();
            long[] counts = new long[topics.size()];
            offsets.forEach((partition, info) -> counts[topics.indexOf(partition.topic())] += info.offset());
            return counts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + topics + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
