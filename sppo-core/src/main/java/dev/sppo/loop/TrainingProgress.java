package dev.sppo.loop;

import dev.sppo.training.Progress;
import dev.sppo.training.StepListener;
import dev.sppo.training.TrainingStep;
import dev.sppo.training.TrainingSummary;

import java.io.PrintStream;
import java.util.Locale;

/** The train phase's progress bar: as many steps as the trainer announces, with each step's loss. */
final class TrainingProgress implements StepListener {

    private final PrintStream log;
    private Progress bar;

    TrainingProgress(PrintStream log) {
        this.log = log;
    }

    @Override
    public void starting(int steps) {
        bar = new Progress(log, "train", steps);
    }

    @Override
    public void stepped(TrainingStep step) {
        bar.advance(1, String.format(Locale.ROOT, "loss %.4f", step.result().loss()));
    }

    void finish(TrainingSummary summary) {
        bar.finish(String.format(Locale.ROOT, "loss %.4f  %.0f tok/s", summary.loss(), summary.tokensPerSecond()));
    }
}
