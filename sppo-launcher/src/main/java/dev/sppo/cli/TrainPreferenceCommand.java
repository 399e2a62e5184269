package dev.sppo.cli;

import dev.sppo.cli.ConfigOption.Flag;
import dev.sppo.preference.training.PairAccuracy;
import dev.sppo.preference.training.TrainPreferenceConfig;
import dev.sppo.preference.training.TrainPreferenceConfigReader;
import dev.sppo.preference.training.TrainPreferenceResult;
import dev.sppo.preference.training.TrainPreferenceRun;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo train-preference}: trains a learned preference model (a pairwise ranker, a reward model, or a head on
 * a frozen ONNX encoder) from preference pairs, by default noisy pairs that the built-in task's gold judge labels.
 * Progress goes to stderr; the held-out accuracy to stdout; the checkpoint to {@code OUT/model/} and the metrics to
 * {@code OUT/metrics.json}.
 */
@Command(name = "train-preference", mixinStandardHelpOptions = true,
        description = {"Train a pairwise ranker, a Bradley-Terry reward model or an encoder head (kind: encoder_head,"
                + " backbone: onnx:all-minilm-l6-v2) from preference pairs.",
            "Without --config it trains the default ranker on noisy (20%) gold-judge pairs of the sorting task."})
final class TrainPreferenceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--out", paramLabel = "DIR", description = "Overrides out_dir: checkpoint and metrics.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        TrainPreferenceConfig resolved = config.read(new TrainPreferenceConfigReader(), new Flag("out_dir", out));
        TrainPreferenceResult result = TrainPreferenceRun.run(resolved, System.err);
        PrintWriter stdout = spec.commandLine().getOut();
        PairAccuracy accuracy = result.training().heldOut();
        stdout.println(String.format(Locale.ROOT, "held-out pairwise accuracy: %.3f vs labels, %s vs gold (%d pairs)",
                accuracy.vsLabels(), Double.isNaN(accuracy.vsGold()) ? "n/a"
                        : String.format(Locale.ROOT, "%.3f", accuracy.vsGold()), accuracy.pairs()));
        stdout.println(String.format(Locale.ROOT, "trained in %.1f s (%.1f s wall); checkpoint %s; metrics %s",
                result.training().trainSeconds(), result.wallSeconds(), result.checkpoint().toAbsolutePath(),
                resolved.outDir().resolve(TrainPreferenceRun.METRICS_FILE).toAbsolutePath()));
        return 0;
    }
}
