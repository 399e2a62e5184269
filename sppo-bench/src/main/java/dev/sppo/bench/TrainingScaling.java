package dev.sppo.bench;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Training throughput per model size: for each size, after its untimed warm-up steps, every timed step
 * ({@link TrainingThroughput}) follows a probe of the matmul peak ({@link MatmulPeak}), and the step's rate is
 * compared with the best of that probe, as in {@link Benchmark}:
 *
 * <pre>
 *   % of peak = (F_step / t_step) / max(probe GFLOP/s),   F_step = {@link FlopCount#trainingStep}
 * </pre>
 */
public final class TrainingScaling {

    /**
     * @param size the model
     * @param result its steps' median time, tokens/s and fractions of the peak
     */
    public record SizedTraining(NamedModel size, TrainingResult result) {}

    private TrainingScaling() {}

    public static List<SizedTraining> run(FullBenchConfig config, Consumer<String> progress) {
        List<SizedTraining> results = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                MatmulPeak peak = new MatmulPeak(manager, config.matmulSize())) {
            peak.warmUp(config.probeRepeats());
            for (NamedModel size : config.sizes()) {
                results.add(measure(config.benchConfig(size, 1), size, peak, manager, progress));
            }
        }
        return results;
    }

    private static SizedTraining measure(BenchConfig bench, NamedModel size, MatmulPeak peak, NDManager manager,
            Consumer<String> progress) {
        double[] millis = new double[bench.steps()];
        double[] nearest = new double[bench.steps()];
        double best = 0;
        try (TrainingThroughput training = new TrainingThroughput(bench, manager)) {
            for (int i = 0; i < bench.warmupSteps(); i++) {
                training.timeStep();
            }
            for (int i = 0; i < millis.length; i++) {
                nearest[i] = peak.best(bench.probeRepeats());
                best = Math.max(best, nearest[i]);
                millis[i] = training.timeStep();
            }
        }
        TrainingResult result = TrainingResult.of(bench, millis, nearest, best);
        progress.accept(String.format(Locale.ROOT, "training %s: %.1f ms/step, %,.0f tokens/s, %.0f %% of peak",
                size.name(), result.medianStepMillis(), result.tokensPerSecond(), result.percentOfNearestPeak()));
        return new SizedTraining(size, result);
    }
}
