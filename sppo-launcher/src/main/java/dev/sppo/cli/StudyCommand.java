package dev.sppo.cli;

import dev.sppo.cli.ConfigOption.Flag;
import dev.sppo.study.LoopExecutor;
import dev.sppo.study.RunOutcome;
import dev.sppo.study.StudyConfig;
import dev.sppo.study.StudyConfigReader;
import dev.sppo.study.StudyReport;
import dev.sppo.study.StudyResults;
import dev.sppo.study.StudyRunner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo study}: the alignment study. Runs every method × task × seed of the study config with the
 * in-process loop (progress on stderr; finished runs are reused), then writes {@code results.md} and its charts.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Compare SPPO, SPPO over all K, SPPO-hard, iterative DPO and iterative IPO under equal "
            + "budgets over several seeds; write OUT/results.md and OUT/results/*.png.",
            "Without --config it runs the built-in default study. Finished runs are reused, so an interrupted "
                + "study resumes."})
final class StudyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--out", paramLabel = "DIR", description = "Overrides output_dir (default: docs).")
    private Path out;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "Overrides runs_dir (default: runs/study).")
    private Path runsDir;

    @Override
    public Integer call() throws Exception {
        StudyConfig study = config.read(new StudyConfigReader(), new Flag("output_dir", out),
                new Flag("runs_dir", runsDir));
        long began = System.nanoTime();
        List<RunOutcome> outcomes = new StudyRunner(study, new LoopExecutor(study.klPrompts(),
                study.klSamplesPerPrompt()), System.err).run();
        List<Path> files = StudyReport.write(new StudyResults(study, outcomes), command());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("study: %d runs in %.0f s; wrote %s%n", outcomes.size(), (System.nanoTime() - began) / 1e9,
                String.join(", ", files.stream().map(Path::toString).toList()));
        stdout.flush();
        return 0;
    }

    /** The command line that regenerates the report, as written in it. */
    private String command() {
        StringBuilder line = new StringBuilder("./sppo study");
        if (config.file() != null) {
            line.append(" --config ").append(config.file());
        }
        if (out != null) {
            line.append(" --out ").append(out);
        }
        if (runsDir != null) {
            line.append(" --runs-dir ").append(runsDir);
        }
        return line.toString();
    }
}
