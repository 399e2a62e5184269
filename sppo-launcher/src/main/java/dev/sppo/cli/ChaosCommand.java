package dev.sppo.cli;

import dev.sppo.chaos.ChaosDocument;
import dev.sppo.chaos.ChaosReport;
import dev.sppo.chaos.ChaosRun;
import dev.sppo.chaos.ChaosSchedule;
import dev.sppo.chaos.SoakResult;
import dev.sppo.chaos.SoakRun;
import dev.sppo.chaos.TrialResult;
import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.perf.ProcessSettings;
import dev.sppo.perf.ServiceJars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sppo chaos}: runs the platform as separate processes ({@link ChaosRun}), runs a small job undisturbed and
 * then once per fault of {@link ChaosSchedule} (kill -9 of each service in each phase, broker and PostgreSQL
 * restarts and a PostgreSQL crash, a frozen generator, a full disk under a checkpoint write), and writes
 * {@code docs/reliability.md} ({@link ChaosDocument}) to {@code --out}, after a training soak ({@link SoakRun},
 * {@code --soak-minutes}); exit code 1 when a trial did not end clean ({@code TrialResult.clean}) or the soak
 * crashed. Scratch data goes to a temporary directory that is deleted afterwards.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Fault injection: kills each service (kill -9) in each phase of a small job, restarts the broker and "
                    + "PostgreSQL under it and crashes PostgreSQL, freezes a generator, fills the trainer's disk "
                    + "under a checkpoint write, and writes the reliability document with recovery times and "
                    + "whether the job's results equal an undisturbed run; exit code 1 when a trial is not clean "
                    + "(needs the services' jars: ./mvnw -pl sppo-launcher -am package -DskipTests)."
        })
public final class ChaosCommand implements Callable<Integer> {

    private static final String SERVICE_HEAP = "768m";
    /** The soak's intra-op threads: more than the test suite's one, as many as the development machine has. */
    private static final int SOAK_THREADS = 2;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "1",
            description = "trials per fault kind (default: ${DEFAULT-VALUE}; 29 kinds, about 30 s a trial)")
    private int trials;

    @Option(names = "--soak-minutes", paramLabel = "M", defaultValue = "3",
            description = "minutes of multithreaded training (2 intra-op threads) in a JVM of its own, watching for "
                    + "native crashes, after the trials; 0 for none (default: ${DEFAULT-VALUE})")
    private int soakMinutes;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/reliability.md",
            description = "where the report goes (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException, SQLException {
        if (soakMinutes < 0) {
            throw new IllegalArgumentException("--soak-minutes must be 0 or more, got " + soakMinutes);
        }
        Path work = Files.createTempDirectory("sppo-chaos");
        try {
            ProcessSettings settings = new ProcessSettings(work.resolve("platform"),
                    new ServiceJars(Path.of("").toAbsolutePath()), 1, SERVICE_HEAP, "chaos-key",
                    Files.createDirectories(work.resolve("models")));
            ChaosReport report = new ChaosRun(settings, line -> System.err.println("chaos: " + line))
                    .run(ChaosSchedule.of(trials));
            Optional<SoakResult> soak = soakMinutes == 0 ? Optional.empty()
                    : Optional.of(new SoakRun(work, line -> System.err.println("chaos: " + line))
                            .run(Duration.ofMinutes(soakMinutes), SOAK_THREADS));
            String document = ChaosDocument.render("./sppo chaos --trials " + trials + " --soak-minutes "
                    + soakMinutes, report, soak, Optional.empty());
            Files.writeString(out, document);
            System.out.print(document);
            boolean clean = report.trials().stream().allMatch(TrialResult::clean);
            return clean && soak.map(s -> s.crashes().isEmpty()).orElse(true) ? 0 : 1;
        } finally {
            DirectoryTrees.delete(work);
        }
    }
}
