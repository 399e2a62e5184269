package dev.sppo.perf;

/**
 * Where the end-to-end time of one iteration job went, in seconds. For the platform, generate covers the whole
 * generate phase as the trainer records it (requests out → every prompt's preferences back), so it includes
 * preference scoring and the hand-offs over Kafka; for the loop it is the sum of its generate and prefer phases.
 *
 * @param endToEnd submit → finished
 * @param generate generate and prefer
 * @param train training and the checkpoint
 * @param evaluate π_0's and π_1's held-out evaluation
 */
public record PhaseSplit(double endToEnd, double generate, double train, double evaluate) {

    /** What no phase accounts for: start-up, policy loading, bookkeeping, waiting for the next poll or message. */
    public double rest() {
        return endToEnd - generate - train - evaluate;
    }
}
