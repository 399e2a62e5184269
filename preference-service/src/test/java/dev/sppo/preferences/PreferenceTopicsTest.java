package dev.sppo.preferences;

import dev.sppo.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preference-service declares its topics on a real KRaft broker that has none of them, or the wrong ones. */
class PreferenceTopicsTest {

    private EmbeddedKafkaKraftBroker kafka;
    private Admin admin;

    @BeforeEach
    void startFreshBroker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()));
    }

    @AfterEach
    void stopBroker() {
        admin.close();
        kafka.destroy();
    }

    @Test
    void startsOnAFreshBrokerWithItsTopicsAndTheDeadLetterTopicCreatedWithTheConfiguredPartitions() throws Exception {
        try (ConfigurableApplicationContext service = start(3)) {
            assertThat(partitions()).containsOnly(Map.entry(Topics.RESPONSES, 3), Map.entry(Topics.PREFERENCES, 3),
                    Map.entry(Topics.deadLetter(Topics.RESPONSES), 3));
        }
    }

    @Test
    void refusesToStartWhenItsInputTopicHasFewerPartitionsNamingTheTopic() throws Exception {
        admin.createTopics(List.of(new NewTopic(Topics.RESPONSES, 1, (short) 1))).all().get();

        assertThatThrownBy(() -> start(3).close()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Kafka topic sppo.responses: it has 1 partition(s), fewer than the 3 configured");
        assertThat(partitions()).containsEntry(Topics.RESPONSES, 1);
    }

    private ConfigurableApplicationContext start(int partitions) {
        return new SpringApplicationBuilder(PreferenceServiceApplication.class)
                .properties(PreferenceServiceApplication.CONFIG, "logging.level.org.apache.kafka=WARN")
                .run("--server.port=0", "--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString(),
                        "--sppo.kafka.topics.partitions=" + partitions,
                        "--sppo.service.key=" + PreferenceContextTest.SERVICE_KEY);
    }

    private Map<String, Integer> partitions() throws Exception {
        var names = admin.listTopics().names().get();
        return admin.describeTopics(names).allTopicNames().get().values().stream()
                .collect(Collectors.toMap(d -> d.name(), d -> d.partitions().size()));
    }
}
