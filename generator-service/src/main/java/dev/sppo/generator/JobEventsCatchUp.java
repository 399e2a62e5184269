package dev.sppo.generator;

import dev.sppo.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Holds back the first generation request until this replica has read {@code sppo.job-events} up to where the topic
 * ended at that moment, so that a restarted generator knows every stopped job before it answers the backlog of
 * requests. The job-events consumer starts at the topic's beginning; it reports each record it has read here.
 * When the wait passes {@link GeneratorProperties#jobEventsCatchUp()} the generator goes on without it (and logs so).
 */
@Component
class JobEventsCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(JobEventsCatchUp.class);
    private static final long POLL_MILLIS = 20;

    private final String brokers;
    private final Duration timeout;
    private final Map<Integer, Long> read = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    JobEventsCatchUp(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            GeneratorProperties properties) {
        this.brokers = brokers;
        this.timeout = properties.jobEventsCatchUp();
    }

    /** The job-events consumer has read the record at {@code offset} of {@code partition}. */
    void read(int partition, long offset) {
        read.merge(partition, offset + 1, Math::max);
    }

    /** Returns once the job events are read up to the topic's end as of the first call; at once afterwards. */
    synchronized void await() throws InterruptedException {
        if (caughtUp) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<Integer, Long> ends = endOffsets();
            while (ends.entrySet().stream().anyMatch(e -> read.getOrDefault(e.getKey(), 0L) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("job events read " + read + ", topic ends at " + ends);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("Answering requests without having read all job events within {}: {}", timeout, e.getMessage());
        }
        caughtUp = true;
    }

    private Map<Integer, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(config)) {
            int partitions = admin.describeTopics(List.of(Topics.JOB_EVENTS)).allTopicNames()
                    .get(millis, TimeUnit.MILLISECONDS).get(Topics.JOB_EVENTS).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.JOB_EVENTS, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(millis, TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        }
    }
}
