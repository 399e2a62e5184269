package dev.sppo.report;

import dev.sppo.evaluation.WinRate;

import java.util.List;
import java.util.Locale;

/**
 * The one-line conclusion of a run: whether the last evaluated policy π_t beats π_0, judged by its win rate's
 * 95% interval [lower, upper]: better when lower &gt; 1/2, worse when upper &lt; 1/2, otherwise not
 * distinguishable from π_0.
 *
 * @param outcome the judgement
 * @param text the sentence the report prints
 */
public record Verdict(Outcome outcome, String text) {

    /** What the interval says about π_t against π_0. */
    public enum Outcome { BETTER, WORSE, UNDECIDED, NOT_EVALUATED }

    public static Verdict of(List<ReportRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            WinRate w = rows.get(i).vsBase();
            if (w != null) {
                return of(rows.get(i).iteration(), w);
            }
        }
        return new Verdict(Outcome.NOT_EVALUATED, "No policy has been evaluated against π_0 yet.");
    }

    private static Verdict of(int t, WinRate w) {
        String measured = String.format(Locale.ROOT, "π_%d against π_0: win rate %.3f, 95%% CI [%.3f, %.3f] over %d "
                + "comparisons", t, w.rate(), w.lower(), w.upper(), w.comparisons());
        if (w.lower() > 0.5) {
            return new Verdict(Outcome.BETTER, measured + "; the lower bound is above 0.5: π_" + t + " beats π_0.");
        }
        if (w.upper() < 0.5) {
            return new Verdict(Outcome.WORSE, measured + "; the upper bound is below 0.5: π_" + t
                    + " is worse than π_0.");
        }
        return new Verdict(Outcome.UNDECIDED, measured + "; the interval contains 0.5: no significant difference.");
    }
}
