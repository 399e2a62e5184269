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
 *   <li>it converges when the seed-mean TV distance to the Nash mixture never rises over the second half of the run
 *       (t = ⌈T/2⌉..T) and ends lower than it started there;
 *   <li>otherwise it cycles when the best response to it changes class at least twice over t = 1..T in a majority
 *       of seeds (the policy chases the cycle around);
 *   <li>otherwise it neither converges nor cycles.
 * </ul>
 */
final class GameVerdict {

    private GameVerdict() {}

    static String ofTask(StudyResults results, String task) {
        int t = results.config().iterations();
        List<StudyMethod> methods = results.config().methods();
        Optional<StudyMethod> sppo = methods.stream().filter(m -> m.loss() == LossType.SPPO).findFirst();
        List<StudyMethod> baselines = methods.stream()
                .filter(m -> m.loss() == LossType.DPO || m.loss() == LossType.IPO).toList();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "**%s (intransitive), π_%d.**", task, t));
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
        double[] distance = new double[t + 1];
        StringBuilder path = new StringBuilder();
        for (int s = 0; s <= t; s++) {
            distance[s] = results.summary(task, method, s, Metric.DISTANCE_TO_NASH).mean();
            path.append(s == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", distance[s]));
        }
        boolean monotone = distance[t] < distance[from];
        for (int s = from + 1; s <= t; s++) {
            monotone &= !(distance[s] > distance[s - 1]);
        }
        int cycling = 0;
        List<Long> seeds = results.config().seeds();
        for (long seed : seeds) {
            cycling += switches(results, new RunKey(task, method, seed)) >= 2 ? 1 : 0;
        }
        String verdict = monotone ? "**converges**: its distance to the Nash mixture falls over the second half"
                : 2 * cycling > seeds.size() ? "**cycles**: the best response to it changes class at least twice in "
                        + cycling + " of " + seeds.size() + " seeds"
                        : "**neither converges nor cycles**: the best response changes class at least twice in only "
                                + cycling + " of " + seeds.size() + " seeds";
        return String.format(Locale.ROOT, "%s's last iterate %s (TV distance to Nash, π_0..π_%d: %s).", method,
                verdict, t, path);
    }

    /** How often the best response to π_t changes class between consecutive t = 1..T of one run. */
    private static int switches(StudyResults results, RunKey key) {
        return results.outcomes().stream().filter(o -> o.key().equals(key)).findFirst().map(o -> {
            int count = 0;
            for (int s = 2; s < o.points().size(); s++) {
                if (o.at(s).game() != null && o.at(s - 1).game() != null
                        && !o.at(s).game().last().bestResponse().equals(o.at(s - 1).game().last().bestResponse())) {
                    count++;
                }
            }
            return count;
        }).orElse(0);
    }
}
