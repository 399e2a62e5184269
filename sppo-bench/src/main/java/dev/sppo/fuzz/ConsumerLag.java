package dev.sppo.fuzz;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Whether consumer groups have read their topics to the end: a group whose committed offsets stay behind the
 * topic's end offsets while nothing new is written is stuck on a record.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    public ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * The groups still behind after waiting up to {@code timeout}, each with its lag.
     *
     * @param groups each group with the topic it reads
     */
    public List<String> stuck(Map<String, String> groups, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> behind = behind(groups);
        while (!behind.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            behind = behind(groups);
        }
        return behind;
    }

    private List<String> behind(Map<String, String> groups) {
        return groups.entrySet().stream().filter(e -> lag(e.getKey(), e.getValue()) > 0)
                .map(e -> e.getKey() + " on " + e.getValue() + " (" + lag(e.getKey(), e.getValue()) + " behind)")
                .sorted().toList();
    }

    /**
     * True once {@code group} has a member with partitions, false if it has none after {@code timeout}; a group
     * the broker does not know yet has none.
     */
    public boolean awaitMember(String group, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get();
                if (description.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return true;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw new IllegalStateException("could not describe group " + group + ": " + e.getCause(), e);
                }
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Records of {@code topic} that {@code group} has not committed; 0 for a group that commits nothing there. */
    public long lag(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (committed.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            return committed.entrySet().stream()
                    .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of group " + group + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the offsets of group " + group, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
