package dev.sppo.study;

import dev.sppo.loss.LossType;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The study's answer to the paper's claim that SPPO beats iterative DPO and IPO, per task at the last
 * iteration T: the first method trained with the official {@code sppo} loss against every method trained with
 * {@code dpo} or {@code ipo}, judged by the paired difference of gold win rates vs π_0 over seeds
 * ({@link StudyResults#pairedDifference}): it wins when the interval lies above 0, loses when below, and is
 * not distinguishable otherwise. The claim holds on a task only when SPPO wins against every baseline; it is
 * contradicted when a baseline wins, and not supported otherwise. A task of answer classes gets its
 * {@link GameVerdict} instead, since its gold grades are not its preference.
 */
final class StudyVerdict {

    private StudyVerdict() {}

    /** One markdown paragraph per task. */
    static String of(StudyResults results) {
        StringBuilder text = new StringBuilder();
        for (StudyTask task : results.config().tasks()) {
            String verdict = results.game(task.name()).isPresent() ? GameVerdict.ofTask(results, task.name())
                    : ofTask(results, task.name());
            text.append(verdict).append("\n\n");
        }
        return text.toString();
    }

    private static String ofTask(StudyResults results, String task) {
        int t = results.config().iterations();
        List<StudyMethod> methods = results.config().methods();
        StudyMethod best = methods.stream().max(Comparator.comparingDouble(
                m -> results.summary(task, m.name(), t, Metric.WIN_RATE).mean())).orElseThrow();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "**%s, π_%d.** Highest mean gold win rate vs π_0: %s (%s).", task, t, best.name(),
                results.summary(task, best.name(), t, Metric.WIN_RATE).format(3)));
        Optional<StudyMethod> sppo = methods.stream().filter(m -> m.loss() == LossType.SPPO).findFirst();
        List<StudyMethod> baselines = methods.stream()
                .filter(m -> m.loss() == LossType.DPO || m.loss() == LossType.IPO).toList();
        if (sppo.isEmpty() || baselines.isEmpty()) {
            return text.append(" The study has no sppo method or no dpo/ipo baseline to compare it with.").toString();
        }
        int wins = 0;
        int losses = 0;
        for (StudyMethod baseline : baselines) {
            MeanInterval d = results.pairedDifference(task, sppo.get().name(), baseline.name(), t, Metric.WIN_RATE);
            text.append(String.format(Locale.ROOT, " %s − %s: %s (paired over %d seeds): %s.", sppo.get().name(),
                    baseline.name(), d.format(3), d.n(), judgement(d, sppo.get().name(), baseline.name())));
            wins += d.above(0) ? 1 : 0;
            losses += d.below(0) ? 1 : 0;
        }
        return text.append(claim(wins, losses, baselines.size())).toString();
    }

    private static String claim(int wins, int losses, int baselines) {
        if (wins == baselines) {
            return " **The paper's claim holds here:** SPPO beats every iterative DPO/IPO baseline.";
        }
        if (losses > 0) {
            return " **The paper's claim does not hold here:** a baseline beats SPPO beyond seed noise.";
        }
        return " **The paper's claim is not supported here:** SPPO does not beat every iterative DPO/IPO baseline "
                + "beyond seed noise, and none beats it.";
    }

    private static String judgement(MeanInterval d, String a, String b) {
        if (d.n() < 2) {
            return "one seed gives no interval";
        }
        if (d.above(0)) {
            return a + " is better";
        }
        return d.below(0) ? b + " is better" : "not distinguishable";
    }
}
