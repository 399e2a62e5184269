package dev.sppo.trainer.orchestration;

import dev.sppo.service.store.StoreUnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failed step failed for a reason that passes by itself: the database went away under it (a restart, a
 * failover, a dropped connection), or the checkpoint store stayed unreachable through its own retries (the {@code s3:}
 * store's upload), rather than anything about the job. Such a step is tried again; any other failure fails the job.
 */
final class TransientFailures {

    /**
     * SQLSTATE classes and codes of a lost database: 08 connection exception, 57P01 admin shutdown, 57P02 crash
     * shutdown, 57P03 cannot connect now (the server is starting).
     */
    private static final String[] LOST_DATABASE_STATES = {"08", "57P01", "57P02", "57P03"};

    private TransientFailures() {}

    /**
     * True when {@code failure} or any of its causes (and chained SQL exceptions) says the database was lost or the
     * checkpoint store unreachable. A transaction whose rollback failed too ({@link TransactionSystemException}:
     * "JDBC rollback failed", caused by the pool's "Connection is closed") is judged by the exception that made it roll
     * back: the chaos run found a PostgreSQL restart in TRAIN failing the job through such a rollback.
     */
    static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable e = failure; e != null && seen.add(e); e = e.getCause()) {
            if (e instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isTransient(rollback.getApplicationException())) {
                return true;
            }
            if (e instanceof StoreUnavailableException || e instanceof DataAccessResourceFailureException
                    || e instanceof TransientDataAccessException
                    || e instanceof RecoverableDataAccessException || e instanceof SQLTransientException
                    || e instanceof SQLRecoverableException) {
                return true;
            }
            if (e instanceof SQLException sql && lostDatabase(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostDatabase(SQLException first) {
        for (SQLException e = first; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null) {
                for (String lost : LOST_DATABASE_STATES) {
                    if (state.startsWith(lost)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
