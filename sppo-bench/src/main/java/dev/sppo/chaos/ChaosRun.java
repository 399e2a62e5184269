package dev.sppo.chaos;

import dev.sppo.perf.ProcessPlatform;
import dev.sppo.perf.ProcessSettings;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts the platform as separate processes ({@link ProcessPlatform}, with two generator replicas), runs the
 * {@link ChaosJob} once undisturbed, then once per trial with that trial's faults (a {@link ContinuousJob} for a
 * trial of continuous faults), and reports every run, all on the one platform: a fault restarts only what it hit.
 */
public final class ChaosRun {

    private final ProcessSettings settings;
    private final Consumer<String> progress;

    /** @param progress one line per run and per fault */
    public ChaosRun(ProcessSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** @param trials each trial's faults, injected in order into one run of the job */
    public ChaosReport run(List<List<Fault>> trials) throws IOException, InterruptedException, SQLException {
        long start = System.nanoTime();
        MachineLoad load = MachineLoad.start().sampled();
        ProcessSettings chaosSettings = settings.withEnvironment(ChaosJob.PLATFORM_ENVIRONMENT);
        try (ProcessPlatform platform = ProcessPlatform.start(chaosSettings);
                TrialRunner runner = new TrialRunner(platform, progress)) {
            platform.addGenerator();
            TrialResult baseline = runner.run("chaos baseline", List.of(), null);
            progress.accept("baseline: " + baseline.state() + " " + baseline.metrics());
            if (!baseline.succeeded()) {
                throw new IOException("the undisturbed job ended " + baseline.state() + ": "
                        + baseline.failureReason());
            }
            double setup = (System.nanoTime() - start) / 1e9;
            load = load.sampled();
            List<TrialResult> results = new ArrayList<>();
            for (int i = 0; i < trials.size(); i++) {
                List<Fault> faults = trials.get(i);
                String name = "chaos trial " + (i + 1);
                TrialResult result = continuous(faults) ? runner.runContinuous(name, faults)
                        : runner.run(name, faults, baseline.metrics());
                progress.accept("trial " + (i + 1) + ": " + result.state() + ", " + result.prompts() + ", metrics "
                        + result.metricsCheck() + (result.metricsCheck() == TrialResult.MetricsCheck.DIFFERENT
                                ? ": " + result.metrics() : ""));
                results.add(result);
                load = load.sampled();
            }
            return new ChaosReport(baseline, results, (System.nanoTime() - start) / 1e9, setup, load);
        }
    }

    private static boolean continuous(List<Fault> faults) {
        boolean continuous = faults.stream().anyMatch(f -> f.job() == Fault.JobKind.CONTINUOUS);
        if (continuous && faults.stream().anyMatch(f -> f.job() == Fault.JobKind.BATCH)) {
            throw new IllegalArgumentException("a trial runs one job: batch and continuous faults in " + faults);
        }
        return continuous;
    }
}
