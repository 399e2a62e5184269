package dev.sppo.study;

import dev.sppo.loss.LossType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The study's answer on a task of answer classes, at the last iteration T: whether SPPO (the first method trained
 * with the {@code sppo} loss) is less exploitable than each iterative DPO/IPO baseline, by the paired difference of
 * best-response win rates over seeds ("beats" when its 95% t-interval lies below 0), for the last and for the
 * averaged iterate; and whether SPPO's last iterate converges or cycles:
 * <ul>
 *   <li>it converges when its TV distance to the Nash mixture falls over the second half of the run beyond seed
 *       noise: the paired change d_T − d_{⌈T/2⌉} over seeds has a 95% t-interval below 0;
 *   <li>otherwise it cycles when the best response to it changes class at least twice over t = 1..T, between
 *       iterates that stay exploitable, in a majority of seeds (the policy chases the cycle around);
 *   <li>otherwise it neither converges nor cycles.
 * </ul>
 */
final class GameVerdict {

    private static final double EXPLOITABLE = 0.55;

    private GameVerdict() {}

    static String ofTask(StudyResults results, String task) {
        int t = results.config().iterations();
        List<StudyMethod> methods = results.config().methods();
        Optional<StudyMethod> sppo = methods.stream().filter(m -> m.loss() == LossType.SPPO).findFirst();
        List<StudyMethod> baselines = methods.stream()
                .filter(m -> m.loss() == LossType.DPO || m.loss() == LossType.IPO).toList();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "**%s (class game), π_%d.**", task, t));
        if (sppo.isEmpty() || baselines.isEmpty()) {
            return text.append(" The study has no sppo method or no dpo/ipo baseline to compare it with.").toString();
        }
        String name = sppo.get().name();
        text.append(comparison(results, task, name, baselines, Metric.EXPLOITABILITY, "last iterate"));
        text.append(comparison(results, task, name, baselines, Metric.AVERAGED_EXPLOITABILITY, "averaged iterate"));
        return text.append(' ').append(convergence(results, task, name)).toString();
    }

    private static String comparison(StudyResults results, String task, String sppo, List<StudyMethod> baselines,
            Metric metric, String which) {
        int t = results.config().iterations();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, " Best-response win rate against the "
                + "%s (lower is less exploitable): %s %s", which, sppo,
                results.summary(task, sppo, t, metric).format(3)));
        int wins = 0;
        int losses = 0;
        for (StudyMethod baseline : baselines) {
            MeanInterval d = results.pairedDifference(task, sppo, baseline.name(), t, metric);
            String judgement = d.n() < 2 ? "one seed gives no interval"
                    : d.below(0) ? sppo + " is less exploitable"
                    : d.above(0) ? baseline.name() + " is less exploitable" : "not distinguishable";
            text.append(String.format(Locale.ROOT, "; %s − %s %s (%s)", sppo, baseline.name(), d.format(3),
                    judgement));
            wins += d.below(0) ? 1 : 0;
            losses += d.above(0) ? 1 : 0;
        }
        String claim = wins == baselines.size() ? "**SPPO beats every DPO/IPO baseline**"
                : losses > 0 ? "**a baseline beats SPPO**" : "**SPPO does not beat every DPO/IPO baseline**, "
                        + "and none beats it";
        return text.append(". ").append(claim).append(" on the ").append(which).append('.').toString();
    }

    /** Whether {@code method}'s last iterate converges to the Nash mixture or cycles, with the numbers. */
    static String convergence(StudyResults results, String task, String method) {
        int t = results.config().iterations();
        int from = (t + 1) / 2;
        StringBuilder path = new StringBuilder();
        for (int s = 0; s <= t; s++) {
            path.append(s == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f",
                    results.summary(task, method, s, Metric.DISTANCE_TO_NASH).mean()));
        }
        double[] last = results.seedValues(task, method, t, Metric.DISTANCE_TO_NASH);
        double[] middle = results.seedValues(task, method, from, Metric.DISTANCE_TO_NASH);
        double[] fall = new double[last.length];
        for (int s = 0; s < fall.length; s++) {
            fall[s] = last[s] - middle[s];
        }
        MeanInterval change = MeanInterval.of(fall);
        int cycling = 0;
        List<Long> seeds = results.config().seeds();
        for (long seed : seeds) {
            cycling += switches(results, new RunKey(task, method, seed)) >= 2 ? 1 : 0;
        }
        String verdict = change.below(0) ? "**converges**: its distance to the Nash mixture falls beyond seed noise"
                : 2 * cycling > seeds.size() ? "**cycles**: its distance to the Nash mixture does not fall beyond "
                        + "seed noise, and the best response to it changes class at least twice while it stays "
                        + "exploitable in " + cycling + " of " + seeds.size() + " seeds"
                        : "**neither converges nor cycles**: its distance to the Nash mixture does not fall beyond "
                                + "seed noise, and the best response changes class at least twice while it stays "
                                + "exploitable in only " + cycling + " of " + seeds.size() + " seeds";
        return String.format(Locale.ROOT, "%s's last iterate %s (change of the TV distance to Nash from π_%d to "
                + "π_%d, paired over seeds: %s; seed means π_0..π_%d: %s).", method, verdict, from, t,
                change.format(3), t, path);
    }

    /**
     * How often the best response to π_t changes class between consecutive t = 1..T of one run, counting only
     * changes between iterates that both stay exploitable (best-response win rate at least {@value #EXPLOITABLE}):
     * near the Nash mixture every class wins about 1/2, and which one wins most is sampling noise.
     */
    private static int switches(StudyResults results, RunKey key) {
        return results.outcomes().stream().filter(o -> o.key().equals(key)).findFirst().map(o -> {
            int count = 0;
            for (int s = 2; s < o.points().size(); s++) {
                if (exploitable(o.at(s)) && exploitable(o.at(s - 1))
                        && !o.at(s).game().last().bestResponse().equals(o.at(s - 1).game().last().bestResponse())) {
                    count++;
                }
            }
            return count;
        }).orElse(0);
    }

    private static boolean exploitable(RunPoint point) {
        return point.game() != null && point.game().last().bestResponseWinRate() >= EXPLOITABLE;
    }
}
