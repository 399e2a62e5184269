package dev.sppo.service.topics;

import dev.sppo.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Declarations against a real single-node KRaft broker over TCP. */
class TopicDeclarationTest {

    private static EmbeddedKafkaKraftBroker kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.destroy();
    }

    @Test
    void freshBrokerGetsEveryTopicOfTheServiceAndTheDeadLetterTopicsOfWhatItReadsWithTheConfiguredPartitions()
            throws Exception {
        ServiceTopics generator = new ServiceTopics(List.of(Topics.GENERATION_REQUESTS, Topics.CHECKPOINTS),
                List.of(Topics.RESPONSES));

        declaration(settings(3, false)).declare(generator.declared());

        assertThat(partitions("sppo.")).containsOnly(Map.entry("sppo.generation.requests", 3),
                Map.entry("sppo.checkpoints", 3), Map.entry("sppo.responses", 3),
                Map.entry("sppo.generation.requests.dlt", 3));
    }

    @Test
    void existingTopicWithFewerPartitionsStopsTheStartNamingTheTopicAndKeepsItsPartitions() throws Exception {
        create("few", 1);

        assertThatThrownBy(() -> declaration(settings(3, false)).declare(List.of("few")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Kafka topic few: it has 1 partition(s), fewer than the 3 configured");
        assertThat(partitions()).containsEntry("few", 1);
    }

    @Test
    void existingTopicWithFewerPartitionsGrowsWhenAddingIsAllowed() throws Exception {
        create("grows", 1);

        declaration(settings(4, true)).declare(List.of("grows"));

        assertThat(partitions()).containsEntry("grows", 4);
    }

    @Test
    void existingTopicWithMorePartitionsIsLeftAlone() throws Exception {
        create("wide", 5);

        declaration(settings(2, false)).declare(List.of("wide"));

        assertThat(partitions()).containsEntry("wide", 5);
    }

    @Test
    void brokerThatRefusesTheCreationStopsTheStartNamingTheTopic() {
        TopicSettings threeReplicas = new TopicSettings(2, (short) 3, false, Duration.ofSeconds(10));

        assertThatThrownBy(() -> declaration(threeReplicas).declare(List.of("replicated")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Kafka topic replicated: the broker refused to create it with 2 partitions "
                        + "(replication factor 3)");
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedByName() {
        assertThatThrownBy(() -> new TopicSettings(0, (short) -1, false, Duration.ofSeconds(1)))
                .hasMessage("sppo.kafka.topics.partitions: must be at least 1, got 0");
        assertThatThrownBy(() -> new TopicSettings(1, (short) 0, false, Duration.ofSeconds(1)))
                .hasMessageStartingWith("sppo.kafka.topics.replication-factor: must be -1");
        assertThatThrownBy(() -> new TopicSettings(1, (short) -1, false, Duration.ZERO))
                .hasMessage("sppo.kafka.topics.timeout: must be positive, got PT0S");
    }

    private static TopicSettings settings(int partitions, boolean add) {
        return new TopicSettings(partitions, TopicSettings.BROKER_DEFAULT_REPLICATION, add, Duration.ofSeconds(10));
    }

    private static TopicDeclaration declaration(TopicSettings settings) {
        return new TopicDeclaration(admin, settings);
    }

    private static void create(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        await().atMost(Duration.ofSeconds(10)).until(() -> partitions().containsKey(topic));
    }

    private static Map<String, Integer> partitions() throws Exception {
        return partitions("");
    }

    private static Map<String, Integer> partitions(String prefix) throws Exception {
        Set<String> names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix))
                .collect(Collectors.toSet());
        return admin.describeTopics(names).allTopicNames().get().values().stream()
                .collect(Collectors.toMap(d -> d.name(), d -> d.partitions().size()));
    }
}
