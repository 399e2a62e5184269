package dev.sppo.demo;

/**
 * A job that has ended.
 *
 * @param id its id
 * @param state SUCCEEDED, FAILED or CANCELLED
 * @param failureReason why it FAILED, else null
 * @param table its results, one row per policy π_0..π_T (the format of {@code ./sppo train})
 */
public record FinishedJob(String id, String state, String failureReason, String table) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(state);
    }
}
