package dev.sppo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The demo's broker and database keep their data in a directory that the next start picks up again. */
class EmbeddedServersTest {

    private static final String TOPIC = "sppo.restart-test";

    @TempDir
    Path dataDir;

    @Test
    void rowsAndRecordsWrittenBeforeARestartAreThereAfterIt() throws Exception {
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        int postgresPort = FreePorts.next();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), brokerPort, controllerPort);
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"), postgresPort)) {
            sql(db, "CREATE TABLE notes (text varchar NOT NULL)");
            sql(db, "INSERT INTO notes VALUES ('written before the restart')");
            produce(kafka, "written before the restart");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), brokerPort, controllerPort);
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"), postgresPort)) {
            assertThat(notes(db)).containsExactly("written before the restart");
            assertThat(consumeAll(kafka)).containsExactly("written before the restart");
        }
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedAndTheNextStartTakesTheDataOver() throws Exception {
        Path postgres = dataDir.resolve("postgres");
        int port = FreePorts.next();
        Process abandoning = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AbandonedDatabase.class.getName(), postgres.toString(),
                Integer.toString(port)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(abandoning.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.lines().filter(AbandonedDatabase.READY::equals).findFirst()).isPresent();
        }
        abandoning.destroyForcibly().waitFor();
        long orphan = OrphanedPostgres.running(postgres).orElseThrow().pid();

        assertThat(EmbeddedDatabase.stopOrphan(postgres)).contains(orphan);

        assertThat(OrphanedPostgres.running(postgres)).isEmpty();
        assertThat(EmbeddedDatabase.stopOrphan(postgres)).as("nothing left to stop").isEmpty();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(postgres, port)) {
            assertThat(notes(db)).containsExactly("written before the crash");
        }
    }

    @Test
    void theServerIsDurable() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"), FreePorts.next());
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void sql(EmbeddedDatabase db, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static List<String> notes(EmbeddedDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT text FROM notes")) {
            List<String> texts = new ArrayList<>();
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
            return texts;
        }
    }

    private static void produce(EmbeddedKafka kafka, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get();
        }
    }

    private static List<String> consumeAll(EmbeddedKafka kafka) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }
}
