package dev.sppo.cli;

import dev.sppo.cli.ConfigOption.Flag;
import dev.sppo.judge.InlineJudges;
import dev.sppo.loop.IterationResult;
import dev.sppo.loop.ResultsTable;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loop.SppoLoop;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo train}: the in-process SPPO loop (no broker, no database). Progress bars go to stderr; the final
 * table goes to stdout and to {@code RUN_DIR/summary.md}, with per-iteration metrics in {@code metrics.jsonl}. An
 * {@code llm_judge} preference gives its judge's endpoint inline ({@code judge: {base_url: ..., model: ...}},
 * {@link InlineJudges}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Run SPPO iterations in-process: generate, prefer, train, checkpoint, evaluate.",
            "Without --config it runs the built-in default (1-2 digit addition from a cached SFT base)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Overrides run_dir: checkpoints and metrics.")
    private Path runDir;

    @Option(names = "--iterations", paramLabel = "T", description = "Overrides iterations.")
    private Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Overrides seed.")
    private Long seed;

    @Override
    public Integer call() throws Exception {
        SppoConfig resolved = config.read(new SppoConfigReader(), new Flag("run_dir", runDir),
                new Flag("iterations", iterations), new Flag("seed", seed));
        List<IterationResult> results;
        try (InlineJudges judges = new InlineJudges()) {
            results = new SppoLoop(resolved, System.err, judges).run();
        }
        spec.commandLine().getOut().println(ResultsTable.markdown(results));
        spec.commandLine().getOut().println("run directory: " + resolved.runDir().toAbsolutePath());
        return 0;
    }
}
