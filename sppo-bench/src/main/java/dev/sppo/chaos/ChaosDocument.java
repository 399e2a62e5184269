package dev.sppo.chaos;

import dev.sppo.markdown.MarkdownTable;
import dev.sppo.markdown.MarkdownTable.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chaos run as a markdown document: the command, the job, the wall time, the undisturbed run's loss and win rate
 * per iteration, and one table with a row per fault (trials grouped by their faults' description): trials, faults
 * that hit their point, jobs that SUCCEEDED or FAILED, prompts lost and counted twice, checkpoints without a
 * complete file, trials whose metrics equal the undisturbed run's, and the median and the longest recovery; then
 * the reason of every FAILED trial.
 */
public final class ChaosDocument {

    private ChaosDocument() {}

    /** @param command the command line that produced (and regenerates) the document */
    public static String render(String command, ChaosReport report) {
        StringBuilder out = new StringBuilder("# Chaos report\n\n");
        out.append(String.format(Locale.ROOT, "Measured by `%s` in %.0f s: the job of `dev.sppo.chaos.ChaosJob` "
                + "(seed %d, 2 iterations of 16 prompts × K = 4), once undisturbed, then once per trial with its "
                + "fault. Recovery: from the hit until the job moved again (its state, iteration, phase or stored "
                + "results changed), the restart included.%n%n", command, report.seconds(), ChaosJob.SEED));
        out.append("Undisturbed run:");
        report.baseline().metrics().forEach((t, m) -> out.append(String.format(Locale.ROOT,
                " iteration %d loss %.6f, win rate vs base %.4f;", t, m.get("loss").getAsDouble(),
                m.getAsJsonObject("win_rate_vs_base").get("rate").getAsDouble())));
        out.append("\n\n").append(table(report)).append('\n');
        for (TrialResult t : report.trials()) {
            if (t.state().equals("FAILED")) {
                out.append("- job ").append(t.jobId()).append(" FAILED: ").append(t.failureReason()).append('\n');
            }
        }
        return out.toString();
    }

    private static String table(ChaosReport report) {
        MarkdownTable table = new MarkdownTable(List.of(Column.left("fault"), Column.right("trials"),
                Column.right("hit"), Column.right("SUCCEEDED"), Column.right("FAILED"), Column.right("prompts lost"),
                Column.right("counted twice"), Column.right("incomplete checkpoints"),
                Column.right("same metrics"), Column.right("median recovery s"), Column.right("max recovery s")));
        for (Map.Entry<String, List<TrialResult>> group : byFaults(report.trials()).entrySet()) {
            List<TrialResult> trials = group.getValue();
            List<Double> recoveries = new ArrayList<>();
            int hit = 0;
            for (TrialResult t : trials) {
                for (FaultOutcome f : t.faults()) {
                    if (f.injected()) {
                        hit++;
                        recoveries.add(f.recoverySeconds());
                    }
                }
            }
            recoveries.sort(null);
            int n = recoveries.size();
            table.row(group.getKey(), count(trials.size()), count(hit),
                    count(trials.stream().filter(TrialResult::succeeded).count()),
                    count(trials.stream().filter(t -> t.state().equals("FAILED")).count()),
                    count(trials.stream().mapToLong(TrialResult::lostPrompts).sum()),
                    count(trials.stream().mapToLong(TrialResult::duplicatedPrompts).sum()),
                    count(trials.stream().mapToLong(TrialResult::incompleteCheckpoints).sum()),
                    count(trials.stream().filter(TrialResult::sameAsBaseline).count()),
                    seconds(n == 0 ? Double.NaN : (recoveries.get((n - 1) / 2) + recoveries.get(n / 2)) / 2),
                    seconds(n == 0 ? Double.NaN : recoveries.get(n - 1)));
        }
        return table.markdown();
    }

    private static Map<String, List<TrialResult>> byFaults(List<TrialResult> trials) {
        Map<String, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult t : trials) {
            String name = String.join(", then ", t.faults().stream().map(f -> f.fault().describe()).toList());
            groups.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.1f", s);
    }
}
