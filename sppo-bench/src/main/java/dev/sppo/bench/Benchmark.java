package dev.sppo.bench;

import ai.djl.ndarray.NDManager;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the whole benchmark in one JVM. After the warm-up (matmuls, training steps and a short sampling pass,
 * none of them timed) come {@code rounds} rounds of
 *
 * <ol>
 *   <li>the peak: {@code matmulRepeats} timed matmuls ({@link MatmulPeak});</li>
 *   <li>training: one untimed step, then this round's share of the timed steps, each right after
 *       {@code probeRepeats} timed matmuls whose best is the peak closest in time to that step
 *       ({@link TrainingThroughput}). The untimed step re-warms training after the sampling and scoring before
 *       it: measured, the first step after them reached 33–66 % of the peak against 71–80 % for the others, a
 *       cost of taking turns that a training run, step after step, does not pay;</li>
 *   <li>sampling: one pass with the key/value cache and one without ({@link SamplingThroughput});</li>
 *   <li>preference scoring: one pass of the pairwise ranker and one of the reward model, both on the benchmark
 *       model as backbone, and one of an LLM judge against a chat server on loopback ({@link
 *       PreferenceThroughput}).</li>
 * </ol>
 *
 * Taking turns spreads the noise of a shared machine over all the measurements.
 */
public final class Benchmark {

    private final BenchConfig config;
    private final Consumer<String> progress;

    /** @param progress receives one line per measurement, so that long runs show life */
    public Benchmark(BenchConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    public BenchReport run() {
        double loadBefore = Machine.currentLoad();
        Measurements measurements = new Measurements();
        try (NDManager manager = NDManager.newBaseManager();
                MatmulPeak peak = new MatmulPeak(manager, config.matmulSize());
                TrainingThroughput training = new TrainingThroughput(config, manager);
                SamplingThroughput sampling = new SamplingThroughput(config, manager);
                PreferenceThroughput scoring = new PreferenceThroughput(config, manager)) {
            progress.accept("warm-up: " + config.matmulWarmup() + " matmuls, " + config.warmupSteps()
                    + " training steps, a short sampling pass each way");
            peak.warmUp(config.matmulWarmup());
            for (int i = 0; i < config.warmupSteps(); i++) {
                training.timeStep();
            }
            sampling.warmUp();
            scoring.warmUp();
            for (int round = 0; round < config.rounds(); round++) {
                runRound(round, peak, training, sampling, measurements);
                measureScoring(round, scoring, measurements);
            }
        }
        return measurements.report(config, Machine.afterRun(loadBefore));
    }

    private void runRound(int round, MatmulPeak peak, TrainingThroughput training, SamplingThroughput sampling,
            Measurements measurements) {
        String prefix = String.format(Locale.ROOT, "round %d/%d: ", round + 1, config.rounds());
        double[] rates = peak.measure(config.matmulRepeats());
        measurements.addPeaks(rates);
        report(prefix + "matmul peak %.1f GFLOP/s (best of %d)", Spread.of(rates).best(), rates.length);
        measureTraining(prefix, config.stepsInRound(round), peak, training, measurements);
        double cached = sampling.tokensPerSecond(true);
        report(prefix + "sampling with KV cache %.0f new tokens/s", cached);
        double uncached = sampling.tokensPerSecond(false);
        report(prefix + "sampling without cache %.0f new tokens/s", uncached);
        measurements.addSampling(cached, uncached);
    }

    private void measureTraining(String prefix, int steps, MatmulPeak peak, TrainingThroughput training,
            Measurements measurements) {
        report(prefix + "training re-warm step (untimed) %.1f ms", training.timeStep());
        long flops = FlopCount.trainingStep(config.model(), config.trainBatch(), config.trainLength());
        for (int step = 0; step < steps; step++) {
            double[] probe = peak.measure(config.probeRepeats());
            measurements.addPeaks(probe);
            double nearest = Spread.of(probe).best();
            double millis = training.timeStep();
            measurements.addStep(millis, nearest);
            double achieved = FlopCount.gflopsPerSecond(flops, millis);
            report(prefix + "training step %d/%d %.1f ms, %.1f GFLOP/s = %.0f %% of %.1f measured just before",
                    step + 1, steps, millis, achieved, 100 * achieved / nearest, nearest);
        }
    }

    private void measureScoring(int round, PreferenceThroughput scoring, Measurements measurements) {
        double ranker = scoring.rankerPairsPerSecond();
        double reward = scoring.rewardPairsPerSecond();
        PreferenceThroughput.JudgePass judge = scoring.llmJudgePass();
        report("round %d/%d: preference scoring %.0f pairs/s (ranker), %.0f pairs/s (reward model), %.0f pairs/s "
                + "(LLM judge on loopback, %.2f ms an exchange)", round + 1, config.rounds(), ranker, reward,
                judge.pairsPerSecond(), judge.exchangeMillis());
        measurements.addScoring(ranker, reward, judge);
    }

    private void report(String format, Object... args) {
        progress.accept(String.format(Locale.ROOT, format, args));
    }
}
