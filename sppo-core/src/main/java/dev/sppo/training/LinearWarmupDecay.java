package dev.sppo.training;

/**
 * The linear schedule with warmup of Hugging Face ({@code get_linear_schedule_with_warmup}, with
 * the warmup length the HF Trainer derives from {@code warmup_ratio}). For optimizer step
 * s = 0 .. total-1, peak learning rate lr and W = ceil(total * warmupRatio) warmup steps:
 *
 * <pre>
 *   lr(s) = lr * s / max(1, W)                              if s &lt; W
 *   lr(s) = lr * max(0, (total - s) / max(1, total - W))    otherwise
 * </pre>
 *
 * <p>As in HF, s counts the updates already done, so with warmup the very first update uses lr(0) = 0;
 * the rate peaks at s = W and reaches lr / (total - W) at the last step.
 */
public final class LinearWarmupDecay {

    private final double peakLearningRate;
    private final int totalSteps;
    private final int warmupSteps;

    /**
     * @param peakLearningRate the rate reached at the end of the warmup; positive
     * @param totalSteps the number of optimizer steps of the run; at least 1
     * @param warmupRatio the fraction of {@code totalSteps} spent warming up, in [0, 1]
     */
    public LinearWarmupDecay(double peakLearningRate, int totalSteps, double warmupRatio) {
        this.peakLearningRate = Hyperparameters.requirePositive("peakLearningRate", peakLearningRate);
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be at least 1, got " + totalSteps);
        }
        this.totalSteps = totalSteps;
        this.warmupSteps = (int) Math.ceil(totalSteps * Hyperparameters.requireRatio("warmupRatio", warmupRatio));
    }

    /** W, the number of warmup steps. */
    public int warmupSteps() {
        return warmupSteps;
    }

    /** The number of optimizer steps the schedule spans. */
    public int totalSteps() {
        return totalSteps;
    }

    /**
     * The learning rate of optimizer step {@code step}.
     *
     * @throws IllegalArgumentException when {@code step} is outside [0, totalSteps)
     */
    public double learningRate(int step) {
        if (step < 0 || step >= totalSteps) {
            throw new IllegalArgumentException("step " + step + " is outside [0, " + totalSteps + ")");
        }
        if (step < warmupSteps) {
            return peakLearningRate * step / Math.max(1, warmupSteps);
        }
        return peakLearningRate * Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }
}
