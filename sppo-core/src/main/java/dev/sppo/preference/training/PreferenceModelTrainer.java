package dev.sppo.preference.training;

import ai.djl.ndarray.NDManager;
import dev.sppo.training.Progress;
import dev.sppo.preference.data.LabelledPair;
import dev.sppo.preference.data.PreferencePair;
import dev.sppo.training.ParameterUpdater;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fits a learned preference model to labelled pairs: {@code epochs} passes over the training pairs, shuffled with
 * the seed, in mini-batches of {@code batch_size}; each step minimises the objective's loss with the configured
 * optimizer, linear warmup and decay, and global-norm clipping ({@link ParameterUpdater}). After each epoch the
 * held-out pairwise accuracy is logged; the last one is returned.
 *
 * @param settings epochs, batch size, optimizer, schedule and clipping
 * @param seed shuffling seed
 */
public record PreferenceModelTrainer(TrainingSettings settings, long seed) {

    /** Pairs per forward pass when only margins are needed. */
    private static final int EVAL_BATCH = 256;

    /**
     * What a run achieved.
     *
     * @param steps optimizer steps taken
     * @param finalLoss mean loss of the last epoch's steps
     * @param heldOut held-out accuracy after the last epoch
     * @param trainSeconds wall time of the training steps and evaluations
     */
    public record Outcome(int steps, double finalLoss, PairAccuracy heldOut, double trainSeconds) {}

    /** Trains {@code objective} in place on {@code data.train()}; progress goes to {@code log}. */
    public Outcome train(PairObjective objective, PreferenceDataset data, PrintStream log) {
        long started = System.nanoTime();
        List<LabelledPair> pairs = new ArrayList<>(data.train());
        int epochs = settings.epochs();
        int stepsPerEpoch = (pairs.size() + settings.batchSize() - 1) / settings.batchSize();
        ParameterUpdater updater = new ParameterUpdater(objective.model().parameters(), settings.optimizer(),
                stepsPerEpoch * epochs);
        Random shuffle = new Random(seed);
        double epochLoss = Double.NaN;
        PairAccuracy accuracy = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(pairs, shuffle);
            epochLoss = trainEpoch(objective, updater, pairs, new Progress(log, "epoch " + (epoch + 1),
                    stepsPerEpoch));
            accuracy = PairAccuracy.of(margins(objective, data.heldOut()), data.heldOut());
            log.println(String.format(Locale.ROOT, "epoch %d/%d: train loss %.4f, held-out accuracy %.3f vs labels,"
                    + " %.3f vs gold", epoch + 1, epochs, epochLoss, accuracy.vsLabels(), accuracy.vsGold()));
        }
        return new Outcome(updater.totalSteps(), epochLoss, accuracy, (System.nanoTime() - started) / 1e9);
    }

    /** The margins of {@code pairs}, in order, without gradients. */
    public static double[] margins(PairObjective objective, List<LabelledPair> pairs) {
        double[] out = new double[pairs.size()];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < pairs.size(); start += EVAL_BATCH) {
                List<PreferencePair> batch = pairs.subList(start, Math.min(pairs.size(), start + EVAL_BATCH))
                        .stream().map(LabelledPair::pair).toList();
                try (NDManager scope = manager.newSubManager()) {
                    float[] m = objective.margins(scope, batch).toFloatArray();
                    for (int i = 0; i < m.length; i++) {
                        out[start + i] = m[i];
                    }
                }
            }
        }
        return out;
    }

    private double trainEpoch(PairObjective objective, ParameterUpdater updater, List<LabelledPair> pairs,
            Progress progress) {
        double sum = 0;
        int steps = 0;
        objective.model().setTrainable(true);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < pairs.size(); start += settings.batchSize()) {
                List<PreferencePair> batch = pairs.subList(start, Math.min(pairs.size(), start + settings.batchSize()))
                        .stream().map(LabelledPair::pair).toList();
                ParameterUpdater.StepResult step = updater.step(() -> objective.loss(manager, batch));
                sum += step.loss();
                steps++;
                progress.advance(1, String.format(Locale.ROOT, "loss %.4f", sum / steps));
            }
        } finally {
            objective.model().setTrainable(false);
        }
        progress.finish(String.format(Locale.ROOT, "loss %.4f", sum / steps));
        return sum / steps;
    }
}
