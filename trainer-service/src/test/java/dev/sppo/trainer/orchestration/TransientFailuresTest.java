package dev.sppo.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.service.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

class TransientFailuresTest {

    @Test
    void aBatchAbortedBecausePostgresWasShutDownUnderItIsTransientAsTheChaosRunSawIt() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO training_rows ... was aborted",
                "57P01", 0, new int[0]);
        batch.setNextException(new SQLException("FATAL: terminating connection due to administrator command",
                "57P01"));
        UncategorizedSQLException translated = new UncategorizedSQLException("PreparedStatementCallback",
                "INSERT INTO training_rows ...", batch);

        assertThat(TransientFailures.isTransient(new RuntimeException("iteration 0", translated))).isTrue();
    }

    @Test
    void aTransactionWhoseRollbackFailedIsJudgedByWhatMadeItRollBackAsTheChaosRunSawIt() {
        TransactionSystemException lost = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        lost.initApplicationException(new UncategorizedSQLException("PreparedStatementCallback", "UPDATE jobs ...",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        TransactionSystemException bug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        bug.initApplicationException(new IllegalStateException("no stored result for prompt p"));

        assertThat(TransientFailures.isTransient(new RuntimeException("iteration 0", lost))).isTrue();
        assertThat(TransientFailures.isTransient(bug)).isFalse();
        assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed"))).isFalse();
    }

    @Test
    void aLostConnectionAServerStillStartingAndNoConnectionFromThePoolAreTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock timeout"))).isTrue();
    }

    @Test
    void aCheckpointStoreUnreachableThroughItsRetriesIsTransientAndARefusedCheckpointIsNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("iteration 1", new StoreUnavailableException(
                "checkpoint store s3://b/p/job-v1/entry.json unavailable after 8 attempts", null)))).isTrue();
        assertThat(TransientFailures.isTransient(new IOException("checkpoint 'job-v1': uploaded manifest a differs"
                + " from the working copy's b"))).isFalse();
    }

    @Test
    void aBrokenConstraintABugOrABatchWhoseLaterEntryIsNotALostDatabaseAreNot() {
        assertThat(TransientFailures.isTransient(new DuplicateKeyException("duplicate key"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("x",
                new SQLException("violates foreign key constraint", "23503")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("no stored result for prompt p"))).isFalse();
        BatchUpdateException batch = new BatchUpdateException("aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(TransientFailures.isTransient(batch)).isFalse();
    }
}
