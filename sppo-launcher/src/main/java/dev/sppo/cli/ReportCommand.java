package dev.sppo.cli;

import dev.sppo.client.JobsClient;
import dev.sppo.report.JobViewRows;
import dev.sppo.report.MetricsFile;
import dev.sppo.report.ReportSource;
import dev.sppo.report.RunReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo report}: PNG charts and a markdown summary of a run, read from a {@code ./sppo train} run
 * directory's {@code metrics.jsonl} or from a trainer-service job through the gateway.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write charts (win rate with its 95%% CI and its length-controlled twin, response length, "
            + "loss, P̂, task score, KL, time per phase) and report.md for a run directory or a platform job."})
final class ReportCommand implements Callable<Integer> {

    /** Where the rows come from: exactly one of the two. */
    static final class Source {

        @Option(names = "--run-dir", required = true, paramLabel = "DIR",
                description = "A ./sppo train run directory (reads DIR/metrics.jsonl).")
        Path runDir;

        @Option(names = "--job", required = true, paramLabel = "ID",
                description = "A trainer-service job id, fetched from the gateway.")
        String job;
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = JobsClient.DEFAULT_GATEWAY,
            description = "The platform's gateway, with --job (default: ${DEFAULT-VALUE}).")
    private String gateway;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:SPPO_API_KEY:-dev-key}",
            description = "X-API-Key for the gateway, with --job (default: $SPPO_API_KEY, else dev-key).")
    private String apiKey;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report (default: RUN_DIR/report, or reports/job-ID for --job).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        ReportSource rows;
        Path dir;
        if (source.runDir != null) {
            for (String jobOnly : List.of("--gateway", "--api-key")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(jobOnly)) {
                    throw new IllegalArgumentException(jobOnly + " goes with --job, not --run-dir");
                }
            }
            rows = MetricsFile.read(source.runDir);
            dir = out != null ? out : source.runDir.resolve("report");
        } else {
            rows = JobViewRows.of(new JobsClient(gateway, apiKey).job(source.job));
            dir = out != null ? out : Path.of("reports", "job-" + source.job.replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        RunReport report = new RunReport(rows);
        List<Path> files = report.write(dir);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(report.verdict().text());
        stdout.println("wrote " + files.size() + " files to " + dir.toAbsolutePath() + ": "
                + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
        stdout.flush();
        return 0;
    }
}
