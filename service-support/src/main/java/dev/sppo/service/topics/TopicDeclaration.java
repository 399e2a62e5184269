package dev.sppo.service.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a broker hold a service's topics with the configured partitions: creates the missing ones, and refuses
 * (or, when allowed, grows) an existing one with fewer partitions. A topic with more partitions is left alone.
 * Every refusal is an {@link IllegalStateException} that names the topic.
 */
public final class TopicDeclaration {

    private static final Logger LOG = LoggerFactory.getLogger(TopicDeclaration.class);
    private static final Duration VISIBILITY_POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final TopicSettings settings;

    public TopicDeclaration(Admin admin, TopicSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** Declares {@code topics}; returns once each exists with at least the configured partitions. */
    public void declare(Collection<String> topics) {
        Map<String, Optional<TopicDescription>> found = describe(topics);
        List<String> missing = found.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        found.putAll(describeOnceVisible(create(missing)));
        found.forEach((topic, description) -> description.ifPresent(d -> checkPartitions(topic, d)));
    }

    /** Creates the topics; returns those another client created first, whose partitions are still to check. */
    private List<String> create(List<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<NewTopic> requests = topics.stream().map(t -> new NewTopic(t, Optional.of(settings.partitions()),
                Optional.of(settings.replicationFactor()).filter(r -> r != TopicSettings.BROKER_DEFAULT_REPLICATION)))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();
        List<String> raced = new ArrayList<>();
        results.forEach((topic, result) -> {
            Optional<Throwable> failure = await(topic, "create it", result).failure();
            if (failure.isEmpty()) {
                LOG.info("created topic {} with {} partitions", topic, settings.partitions());
            } else if (failure.get() instanceof TopicExistsException) {
                raced.add(topic);
            } else {
                throw refused(topic, "the broker refused to create it with " + settings.partitions()
                        + " partitions (replication factor " + replication() + "): " + failure.get().getMessage());
            }
        });
        return raced;
    }

    private void checkPartitions(String topic, TopicDescription description) {
        int actual = description.partitions().size();
        if (actual >= settings.partitions()) {
            return;
        }
        if (!settings.addPartitions()) {
            throw refused(topic, "it has " + actual + " partition(s), fewer than the " + settings.partitions()
                    + " configured (sppo.kafka.topics.partitions); add partitions to it "
                    + "(kafka-topics.sh --alter --topic " + topic + " --partitions " + settings.partitions()
                    + "), lower the setting, or set sppo.kafka.topics.add-partitions=true");
        }
        Optional<Throwable> failure = await(topic, "add partitions",
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(settings.partitions()))).all()).failure();
        if (failure.isPresent()) {
            throw refused(topic, "the broker refused to grow it from " + actual + " to " + settings.partitions()
                    + " partitions: " + failure.get().getMessage());
        }
        LOG.info("topic {}: added partitions, {} -> {}", topic, actual, settings.partitions());
    }

    /**
     * Describes topics that another client has just created: the broker may answer for a moment that they are
     * unknown, until its metadata catches up.
     */
    private Map<String, Optional<TopicDescription>> describeOnceVisible(List<String> topics) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Map<String, Optional<TopicDescription>> found = describe(topics);
        while (found.containsValue(Optional.empty()) && System.nanoTime() < deadline) {
            pause();
            found = describe(topics);
        }
        found.forEach((topic, description) -> description.orElseThrow(() -> refused(topic,
                "another client created it, but the broker did not describe it within " + settings.timeout())));
        return found;
    }

    private static void pause() {
        try {
            Thread.sleep(VISIBILITY_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka topics to be described", e);
        }
    }

    private Map<String, Optional<TopicDescription>> describe(Collection<String> topics) {
        Map<String, Optional<TopicDescription>> found = new LinkedHashMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, result) -> {
            Outcome<TopicDescription> outcome = await(topic, "describe it", result);
            if (outcome.failure().isEmpty()) {
                found.put(topic, Optional.of(outcome.value()));
            } else if (outcome.failure().get() instanceof UnknownTopicOrPartitionException) {
                found.put(topic, Optional.empty());
            } else {
                throw refused(topic, "the broker could not describe it: " + outcome.failure().get().getMessage());
            }
        });
        return found;
    }

    private <T> Outcome<T> await(String topic, String step, KafkaFuture<T> future) {
        try {
            return new Outcome<>(future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS), Optional.empty());
        } catch (ExecutionException e) {
            return new Outcome<>(null, Optional.of(e.getCause()));
        } catch (TimeoutException e) {
            throw refused(topic, "the broker did not answer within " + settings.timeout() + " to " + step
                    + " (sppo.kafka.topics.timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(topic, "interrupted while waiting for the broker to " + step);
        }
    }

    private String replication() {
        return settings.replicationFactor() == TopicSettings.BROKER_DEFAULT_REPLICATION
                ? "the broker's default" : Short.toString(settings.replicationFactor());
    }

    private static IllegalStateException refused(String topic, String reason) {
        return new IllegalStateException("Kafka topic " + topic + ": " + reason);
    }

    /** What a broker call gave: its value, or the failure it ended with. */
    private record Outcome<T>(T value, Optional<Throwable> failure) {}
}
