package dev.sppo.bench;

/**
 * Training throughput over the timed steps. With F = {@link FlopCount#trainingStep} FLOPs per step and t the
 * median step time:
 *
 * <pre>
 *   tokens/s         = B·T / t
 *   achieved GFLOP/s = F / t / 10⁹
 *   % of peak        = median over steps i of 100 · (F / t_i) / P_i,   P_i the peak measured right before step i
 *   % of best peak   = 100 · achieved / max_i P   (the best peak of the whole run)
 * </pre>
 *
 * @param medianStepMillis t in milliseconds
 * @param tokensPerSecond B·T / t
 * @param achievedGflops F / t in GFLOP/s
 * @param percentOfNearestPeak the median of each step's rate over the peak measured closest in time
 * @param percentOfBestPeak achieved GFLOP/s over the run's best peak
 * @param flopsPerStep F
 * @param steps how many steps were timed
 */
public record TrainingResult(
        double medianStepMillis,
        double tokensPerSecond,
        double achievedGflops,
        double percentOfNearestPeak,
        double percentOfBestPeak,
        long flopsPerStep,
        int steps) {

    /**
     * Summarises timed steps.
     *
     * @param stepMillis each step's wall time
     * @param nearestPeaks the peak GFLOP/s measured right before each step
     * @param bestPeak the best peak GFLOP/s of the run
     */
    public static TrainingResult of(
            BenchConfig config, double[] stepMillis, double[] nearestPeaks, double bestPeak) {
        if (stepMillis.length != nearestPeaks.length) {
            throw new IllegalArgumentException("stepMillis (" + stepMillis.length + ") and nearestPeaks ("
                    + nearestPeaks.length + ") must have one value per timed step");
        }
        long flops = FlopCount.trainingStep(config.model(), config.trainBatch(), config.trainLength());
        double[] percents = new double[stepMillis.length];
        for (int i = 0; i < stepMillis.length; i++) {
            percents[i] = 100 * FlopCount.gflopsPerSecond(flops, stepMillis[i]) / nearestPeaks[i];
        }
        double median = Spread.median(stepMillis);
        double achieved = FlopCount.gflopsPerSecond(flops, median);
        return new TrainingResult(median, config.tokensPerStep() * 1000.0 / median, achieved,
                Spread.median(percents), 100 * achieved / bestPeak, flops, stepMillis.length);
    }
}
