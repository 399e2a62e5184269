package dev.sppo.chaos;

import dev.sppo.markdown.MarkdownTable;
import dev.sppo.markdown.MarkdownTable.Column;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docs/reliability.md} from a chaos run: the fixed prose of {@value #TEMPLATE} (guarantees, resume points,
 * how it is tested, what is not covered) with its {@value #MEASURED} placeholder replaced by the run's measurements
 * (the command, the machine's load, the wall time and the estimated time of {@code --trials 10}, the undisturbed
 * run's loss and win rate per iteration, one table row per fault, and the reason of every FAILED or STUCK trial), its
 * {@value #SOAK} placeholder by the training soak's steps and crashes, and its {@value #FUZZ} placeholder by the
 * fuzz totals when the caller has them.
 */
public final class ChaosDocument {

    /** The prose, a resource beside this class. */
    static final String TEMPLATE = "reliability-template.md";
    /** Where the measured section goes. */
    static final String MEASURED = "{{measured}}";
    /** Where the training soak goes. */
    static final String SOAK = "{{soak}}";
    /** Where the fuzz totals go. */
    static final String FUZZ = "{{fuzz}}";
    /** The trials per fault kind the acceptance asks for, whose run time the document estimates. */
    static final int FULL_TRIALS = 10;

    private static final String NO_FUZZ = "This run did not fuzz (`--fuzz-requests 0`). `HostileInputFuzzTest` (CI) "
            + "runs the same engine (`dev.sppo.fuzz`) with 1,000 REST requests and 25 malformed records per consumed "
            + "topic, and asserts no hole: 0 responses of 500, 0 stack traces in bodies, every 4xx a JSON problem, "
            + "every record dead-lettered with a reason, no consumer stuck, a job after them SUCCEEDED.\n";

    private static final String NO_SOAK = "This run did not soak (`--soak-minutes 0`).\n";

    private ChaosDocument() {}

    /**
     * @param command the command line that produced (and regenerates) the document
     * @param soak the run's training soak; empty when it ran none
     * @param fuzzTotals a markdown section with the fuzz totals, put where the template says; empty when this run
     *     did not fuzz
     */
    public static String render(String command, ChaosReport report, Optional<SoakResult> soak,
            Optional<String> fuzzTotals) {
        String template = template();
        return template.replace(MEASURED, measured(command, report))
                .replace(SOAK, soak.map(ChaosDocument::soak).orElse(NO_SOAK))
                .replace(FUZZ, fuzzTotals.orElse(NO_FUZZ));
    }

    private static String soak(SoakResult soak) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%,d training steps in %.0f s at %d "
                + "intra-op threads, each step's forward and backward passes split over %d data-parallel workers "
                + "(a random LLaMA of %,d parameters, SFT on random tokens, batch 8, a garbage collection every 10 "
                + "steps), in %d JVM%s: %d crash%s.", soak.steps(), soak.seconds(), soak.threads(), soak.workers(),
                soak.parameters(), soak.runs(), soak.runs() == 1 ? "" : "s", soak.crashes().size(),
                soak.crashes().size() == 1 ? "" : "es"));
        if (soak.crashes().isEmpty()) {
            out.append(" The `torchBackward` SIGSEGV seen once on the text demo did not come back.\n");
        } else {
            out.append('\n');
            soak.crashes().forEach(c -> out.append("\n- ").append(c));
            out.append('\n');
        }
        return out.toString();
    }

    private static String template() {
        try (InputStream in = ChaosDocument.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TEMPLATE + " is missing beside " + ChaosDocument.class);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String placeholder : List.of(MEASURED, SOAK, FUZZ)) {
                if (text.indexOf(placeholder) < 0 || text.indexOf(placeholder) != text.lastIndexOf(placeholder)) {
                    throw new IllegalStateException(TEMPLATE + " must hold " + placeholder + " exactly once");
                }
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
    }

    private static String measured(String command, ChaosReport report) {
        MachineLoad load = report.load();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "`%s` on %d cores (1-minute load average "
                + "%.1f on average and %.1f at most: other builds shared the machine, which stretches every "
                + "recovery), %.0f s in all: %.0f s to start the platform and run the job undisturbed, then %d "
                + "trials of %.1f s on average. At that pace `--trials %d` takes about %.0f min.%n%n", command,
                load.cores(), load.mean(), load.max(), report.seconds(), report.setupSeconds(),
                report.trials().size(), report.secondsPerTrial(), FULL_TRIALS,
                fullRunMinutes(report)));
        out.append("Undisturbed run:");
        report.baseline().metrics().forEach((t, m) -> out.append(String.format(Locale.ROOT,
                " iteration %d loss %.6f, win rate vs π_0 %.4f;", t, m.get("loss").getAsDouble(),
                m.getAsJsonObject("win_rate_vs_base").get("rate").getAsDouble())));
        out.append("\n\n").append(table(report));
        List<String> failures = new ArrayList<>();
        for (TrialResult t : report.trials()) {
            if (t.state().equals("FAILED")) {
                failures.add("- job " + t.jobId() + " (" + describe(t) + ") FAILED" + (t.failedCleanly()
                        ? " as it may by design" : "") + ": " + t.failureReason());
            } else if (t.stuck()) {
                failures.add("- job " + t.jobId() + " (" + describe(t) + ") STUCK, then cancelled: "
                        + t.failureReason());
            }
        }
        if (!failures.isEmpty()) {
            out.append('\n').append(String.join("\n", failures)).append('\n');
        }
        return out.toString();
    }

    private static double fullRunMinutes(ChaosReport report) {
        return (report.setupSeconds() + report.secondsPerTrial() * ChaosSchedule.KINDS.size() * FULL_TRIALS) / 60;
    }

    private static String table(ChaosReport report) {
        MarkdownTable table = new MarkdownTable(List.of(Column.left("fault"), Column.right("trials"),
                Column.right("hit"), Column.right("SUCCEEDED"), Column.right("clean FAILED"), Column.right("stuck"),
                Column.right("prompts lost"), Column.right("counted twice"), Column.right("reported dropped"),
                Column.right("checkpoints without a complete file"), Column.right("same metrics"),
                Column.right("median recovery s"), Column.right("max recovery s")));
        for (Map.Entry<String, List<TrialResult>> group : byFaults(report.trials()).entrySet()) {
            List<TrialResult> trials = group.getValue();
            List<Double> recoveries = new ArrayList<>();
            for (TrialResult t : trials) {
                t.faults().stream().filter(FaultOutcome::injected).forEach(f -> recoveries.add(f.recoverySeconds()));
            }
            recoveries.sort(null);
            int n = recoveries.size();
            table.row(group.getKey(), count(trials.size()), count(n),
                    count(trials.stream().filter(TrialResult::succeeded).count()),
                    count(trials.stream().filter(TrialResult::failedCleanly).count()),
                    count(trials.stream().filter(TrialResult::stuck).count()),
                    count(trials.stream().mapToLong(t -> t.prompts().lost()).sum()),
                    count(trials.stream().mapToLong(t -> t.prompts().duplicated()).sum()),
                    count(trials.stream().mapToLong(t -> t.prompts().dropped()).sum()),
                    count(trials.stream().mapToLong(TrialResult::incompleteCheckpoints).sum()),
                    sameMetrics(trials),
                    seconds(n == 0 ? Double.NaN : (recoveries.get((n - 1) / 2) + recoveries.get(n / 2)) / 2),
                    seconds(n == 0 ? Double.NaN : recoveries.get(n - 1)));
        }
        return table.markdown();
    }

    /** Trials with the undisturbed run's metrics; "n/a" when none was compared (continuous jobs). */
    private static String sameMetrics(List<TrialResult> trials) {
        if (trials.stream().allMatch(t -> t.metricsCheck() == TrialResult.MetricsCheck.NOT_COMPARED)) {
            return "n/a";
        }
        return count(trials.stream().filter(TrialResult::sameAsBaseline).count());
    }

    private static Map<String, List<TrialResult>> byFaults(List<TrialResult> trials) {
        Map<String, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult t : trials) {
            groups.computeIfAbsent(describe(t), k -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    private static String describe(TrialResult trial) {
        return String.join(", then ", trial.faults().stream().map(f -> f.fault().describe()).toList());
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.1f", s);
    }
}
