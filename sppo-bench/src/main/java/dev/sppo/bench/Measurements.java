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
    private final List<Double> rankerPairs = new ArrayList<>();
    private final List<Double> rewardPairs = new ArrayList<>();
    private final List<Double> judgePairs = new ArrayList<>();
    private final List<Double> exchangeMillis = new ArrayList<>();

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

    /** Records one scoring pass of each preference model, in pairs per second. */
    void addScoring(double rankerRate, double rewardRate, PreferenceThroughput.JudgePass judge) {
        rankerPairs.add(rankerRate);
        rewardPairs.add(rewardRate);
        judgePairs.add(judge.pairsPerSecond());
        exchangeMillis.add(judge.exchangeMillis());
    }

    BenchReport report(BenchConfig config, Machine machine) {
        Spread peak = Spread.of(array(peaks));
        TrainingResult training = TrainingResult.of(config, array(stepMillis), array(nearestPeaks), peak.best());
        SamplingResult sampling = new SamplingResult(Spread.of(array(cached)), Spread.of(array(uncached)));
        ScoringResult scoring = new ScoringResult(Spread.of(array(rankerPairs)), Spread.of(array(rewardPairs)),
                Spread.of(array(judgePairs)), Spread.median(array(exchangeMillis)));
        return new BenchReport(config, machine, peak, training, sampling, scoring);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
