package dev.sppo.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.contracts.AuditEvent;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.ErrorResponseException;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Against a real single-node KRaft broker over TCP, and a port where none listens. */
class AuditPublisherTest {

    private static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.AUDIT);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @Test
    void aChangeIsOnTheAuditTopicKeyedByItsTargetOnceRecordIsBack() {
        long before = System.currentTimeMillis();
        try (AuditPublisher audit = new AuditPublisher(kafka.getBrokersAsString(), Duration.ofSeconds(10))) {
            audit.record(new Caller("alice", true), "pinned to version 2 on generator-1", "job", "job-7");
        }

        ConsumerRecord<byte[], byte[]> record = read().get(0);
        AuditEvent event = MessageCodec.decode(record.value(), AuditEvent.class);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("job-7");
        assertThat(event).extracting(AuditEvent::username, AuditEvent::admin, AuditEvent::action, AuditEvent::kind,
                AuditEvent::target).containsExactly("alice", true, "pinned to version 2 on generator-1", "job",
                "job-7");
        assertThat(event.eventId()).hasSize(36);
        assertThat(event.timestampMillis()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void aChangeTheBrokerDoesNotTakeInTimeIsRefusedWithA503Problem() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (AuditPublisher audit = new AuditPublisher("127.0.0.1:" + closed, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> audit.record(new Caller("bob", true), "unpinned on generator-2", "job", "j"))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(503);
                        assertThat(e.getBody().getDetail()).startsWith("the change was not made: its audit record "
                                + "could not be sent to sppo.audit");
                    });
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.AUDIT));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records on " + Topics.AUDIT).hasSize(1);
            return records;
        }
    }
}
