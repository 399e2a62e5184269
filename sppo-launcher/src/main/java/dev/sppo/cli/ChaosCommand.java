package dev.sppo.cli;

import dev.sppo.chaos.ChaosDocument;
import dev.sppo.chaos.ChaosReport;
import dev.sppo.chaos.ChaosRun;
import dev.sppo.chaos.ChaosSchedule;
import dev.sppo.chaos.Fault;
import dev.sppo.chaos.SoakResult;
import dev.sppo.chaos.SoakRun;
import dev.sppo.chaos.TrialResult;
import dev.sppo.fuzz.FuzzRun;
import dev.sppo.fuzz.FuzzTotals;
import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.perf.ProcessSettings;
import dev.sppo.perf.ServiceJars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sppo chaos}: runs the platform as separate processes ({@link ChaosRun}), runs a small job undisturbed and
 * then once per fault of {@link ChaosSchedule} (kill -9 of each service in each phase, broker and PostgreSQL
 * restarts and a PostgreSQL crash, a frozen generator, a full disk under a checkpoint write); then a training soak
 * ({@link SoakRun}, {@code --soak-minutes}) and the fuzz of {@code sppo fuzz} on the platform started in this JVM
 * ({@code --fuzz-requests}); writes {@code docs/reliability.md} ({@link ChaosDocument}) to {@code --out}. Exit code 1
 * when a trial did not end clean ({@code TrialResult.clean}), the soak crashed or the fuzz found a hole. Scratch
 * data goes to a temporary directory, deleted after a clean run and kept, with the services' logs, after any other.
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
    /** The fuzz's seed, {@code sppo fuzz}'s default: the same input as a run of that command. */
    private static final long FUZZ_SEED = 20261207L;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "1",
            description = "trials per fault kind (default: ${DEFAULT-VALUE}; 29 kinds, about 30 s a trial)")
    private int trials;

    @Option(names = "--faults", paramLabel = "TEXT", defaultValue = "",
            description = "only the fault kinds whose description contains TEXT, ignoring case, such as 'postgres' "
                    + "or 'in iteration 0 TRAIN' (default: all)")
    private String faults;

    @Option(names = "--soak-minutes", paramLabel = "M", defaultValue = "3",
            description = "minutes of multithreaded training (2 intra-op threads) in a JVM of its own, watching for "
                    + "native crashes, after the trials; 0 for none (default: ${DEFAULT-VALUE})")
    private int soakMinutes;

    @Option(names = "--fuzz-requests", paramLabel = "N", defaultValue = "1000",
            description = "then fuzz the platform started in this JVM as sppo fuzz does, with N REST requests and "
                    + "its default records and files, the totals going into the report; 0 for none "
                    + "(default: ${DEFAULT-VALUE}; the full run sends 10000)")
    private int fuzzRequests;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/reliability.md",
            description = "where the report goes (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws Exception {
        List<List<Fault>> schedule = ChaosSchedule.of(trials, faults);
        if (soakMinutes < 0 || fuzzRequests < 0) {
            throw new IllegalArgumentException("--soak-minutes and --fuzz-requests must be 0 or more, got "
                    + soakMinutes + " and " + fuzzRequests);
        }
        Path work = Files.createTempDirectory("sppo-chaos");
        boolean passed = false;
        try {
            int code = runIn(work, schedule);
            passed = code == 0;
            return code;
        } finally {
            if (passed) {
                DirectoryTrees.delete(work);
            } else {
                System.err.println("chaos: kept the services' logs and data for a look: " + work
                        + " (platform/logs/)");
            }
        }
    }

    private int runIn(Path work, List<List<Fault>> schedule) throws Exception {
        ProcessSettings settings = new ProcessSettings(work.resolve("platform"),
                new ServiceJars(Path.of("").toAbsolutePath()), 1, SERVICE_HEAP, "chaos-key",
                Files.createDirectories(work.resolve("models")));
        ChaosReport report = new ChaosRun(settings, line -> System.err.println("chaos: " + line))
                .run(schedule);
        Optional<SoakResult> soak = soakMinutes == 0 ? Optional.empty()
                : Optional.of(new SoakRun(work, line -> System.err.println("chaos: " + line))
                        .run(Duration.ofMinutes(soakMinutes), SOAK_THREADS));
        Optional<FuzzTotals> fuzz = fuzzRequests == 0 ? Optional.empty() : Optional.of(
                FuzzCommand.onEmbeddedPlatform(fuzzRun(), line -> System.err.println("fuzz: " + line)));
        String document = ChaosDocument.render("./sppo chaos --trials " + trials
                + (faults.isBlank() ? "" : " --faults '" + faults + "'") + " --soak-minutes "
                + soakMinutes + " --fuzz-requests " + fuzzRequests, report, soak, fuzz.map(this::fuzzSection));
        Files.writeString(out, document);
        System.out.print(document);
        boolean clean = report.trials().stream().allMatch(TrialResult::clean);
        return clean && soak.map(s -> s.crashes().isEmpty()).orElse(true)
                && fuzz.map(FuzzTotals::clean).orElse(true) ? 0 : 1;
    }

    private FuzzRun fuzzRun() {
        return new FuzzRun(fuzzRequests, FuzzRun.DEFAULT_RECORDS_PER_TOPIC, FuzzRun.DEFAULT_FILES, FUZZ_SEED);
    }

    private String fuzzSection(FuzzTotals totals) {
        return String.format("`./sppo fuzz --requests %d --records-per-topic %d --files %d --seed %d`, run by this "
                + "command on the platform started in its JVM after the trials:%n%n%s", fuzzRequests,
                FuzzRun.DEFAULT_RECORDS_PER_TOPIC, FuzzRun.DEFAULT_FILES, FUZZ_SEED, totals.markdown());
    }
}
