package dev.sppo.trainer.job;

/**
 * One prompt's result as {@code prompt_results} stores it.
 *
 * @param jobId its job
 * @param iteration the iteration (or round) whose prompt it is
 * @param promptId the prompt
 * @param payloadJson the {@code ScoredPrompt} as JSON
 */
public record PromptResult(String jobId, int iteration, String promptId, String payloadJson) {

    /** The row's key: (job, iteration, prompt) is stored once. */
    public String key() {
        return key(jobId, iteration, promptId);
    }

    /** The key of the row of ({@code jobId}, {@code iteration}, {@code promptId}). */
    public static String key(String jobId, int iteration, String promptId) {
        return jobId + '\u0000' + iteration + '\u0000' + promptId;
    }
}
