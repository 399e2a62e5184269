package dev.sppo.training;

import dev.sppo.loss.LossMetrics;

/** Averages per-step metrics into a {@link TrainingSummary}. */
final class SummaryAccumulator {

    private int steps;
    private double loss;
    private double chosen;
    private double rejected;
    private double accuracy;
    private double referenceLogRatio;
    private double gradNorm;
    private long tokens;
    private long nanos;

    void add(TrainingStep step) {
        LossMetrics metrics = step.metrics();
        steps++;
        loss += step.result().loss();
        chosen += metrics.meanLogRatioChosen();
        rejected += metrics.meanLogRatioRejected();
        accuracy += metrics.rewardAccuracy();
        referenceLogRatio += metrics.referenceLogRatio();
        gradNorm += step.result().gradNorm();
        tokens += step.tokens();
        nanos += step.nanos();
    }

    TrainingSummary summary() {
        int n = Math.max(1, steps);
        return new TrainingSummary(steps, loss / n, chosen / n, rejected / n, accuracy / n, referenceLogRatio / n, gradNorm / n,
                nanos == 0 ? 0 : tokens / (nanos / 1e9));
    }
}
