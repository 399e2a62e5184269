package dev.sppo.bench;

import java.util.ArrayList;
import java.util.List;

/** The raw numbers of one benchmark run, gathered round by round and summarised at the end. */
final class Measurements {

    private final List<Double> peaks = new ArrayList<>();
    private final List<Double> stepMillis = new ArrayList<>();
    private final List<Double> nearestPeaks = new ArrayList<>();
    private final List<Double> cached = new ArrayList<>();
    private final List<Double> uncached = new ArrayList<>();

    /** Records matmul rates in GFLOP/s. */
    void addPeaks(double[] rates) {
        for (double rate : rates) {
            peaks.add(rate);
        }
    }

    /** Records a timed training step and the peak measured right before it. */
    void addStep(double millis, double nearestPeak) {
        stepMillis.add(millis);
        nearestPeaks.add(nearestPeak);
    }

    /** Records one sampling pass each way, in new tokens per second. */
    void addSampling(double cachedRate, double uncachedRate) {
        cached.add(cachedRate);
        uncached.add(uncachedRate);
    }

    BenchReport report(BenchConfig config, Machine machine) {
        Spread peak = Spread.of(array(peaks));
        TrainingResult training = TrainingResult.of(config, array(stepMillis), array(nearestPeaks), peak.best());
        SamplingResult sampling = new SamplingResult(Spread.of(array(cached)), Spread.of(array(uncached)));
        return new BenchReport(config, machine, peak, training, sampling);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
