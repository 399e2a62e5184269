package dev.sppo.cli;

import dev.sppo.loop.IterationResult;
import dev.sppo.loop.ResultsTable;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loop.SppoLoop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo train}: the in-process SPPO loop (no broker, no database). Progress bars go to stderr; the final
 * table goes to stdout and to {@code RUN_DIR/summary.md}, with per-iteration metrics in {@code metrics.jsonl}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Run SPPO iterations in-process: generate, prefer, train, checkpoint, evaluate.",
            "Without --config it runs the built-in default (1-2 digit addition from a cached SFT base)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML or JSON config merged over the built-in defaults.")
    private Path config;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Overrides run_dir: checkpoints and metrics.")
    private Path runDir;

    @Option(names = "--iterations", paramLabel = "T", description = "Overrides iterations.")
    private Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Overrides seed.")
    private Long seed;

    @Override
    public Integer call() throws Exception {
        SppoConfig resolved = SppoConfigReader.read(overrides());
        List<IterationResult> results = new SppoLoop(resolved, System.err).run();
        spec.commandLine().getOut().println(ResultsTable.markdown(results));
        spec.commandLine().getOut().println("run directory: " + resolved.runDir().toAbsolutePath());
        return 0;
    }

    private Map<String, Object> overrides() throws java.io.IOException {
        Map<String, Object> tree = new LinkedHashMap<>(config == null ? Map.of() : SppoConfigReader.parseFile(config));
        if (runDir != null) {
            tree.put("run_dir", runDir.toString());
        }
        if (iterations != null) {
            tree.put("iterations", iterations);
        }
        if (seed != null) {
            tree.put("seed", seed);
        }
        return tree;
    }
}
