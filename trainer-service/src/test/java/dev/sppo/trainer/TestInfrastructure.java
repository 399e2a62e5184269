package dev.sppo.trainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real Kafka broker (KRaft, random port) and one real Postgres for the whole test JVM, closed at exit.
 * Each test class gets a database of its own.
 */
public final class TestInfrastructure {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedKafkaKraftBroker kafka;
    private static EmbeddedPostgres postgres;

    private TestInfrastructure() {}

    static synchronized String brokers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    /** A fresh, empty database; returns its JDBC URL (user and password: postgres). */
    static synchronized String newDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
            }
            String name = "trainer_" + DATABASES.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh database with the service's schema (its Flyway migrations), for a test of one repository. */
    public static JdbcTemplate migratedDatabase() {
        DataSource database = new DriverManagerDataSource(newDatabase(), "postgres", "postgres");
        Flyway.configure().dataSource(database).load().migrate();
        return new JdbcTemplate(database);
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
