package dev.sppo.evaluation;

import dev.sppo.preference.PreferenceModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A judge's verdicts on two policies' responses to the same prompts, response k against response k. For prompt
 * x_i and sample k, with y the first policy's response and y' the other's,
 *
 * <pre>  p_ik = P(y ≻ y' | x_i) = P[0][1] of the judge's 2 × 2 matrix for (y, y')</pre>
 *
 * and the outcome is a win when p_ik &gt; 1/2, a tie when p_ik = 1/2, a loss otherwise. The win rate counts ties
 * as half ({@link WinRate}); the length-controlled win rate ({@link LengthControlledWinRate}) is fitted to the same
 * outcomes, so that its raw rate is exactly that win rate.
 */
public final class HeadToHead {

    private final double[][] probabilities;

    private HeadToHead(double[][] probabilities) {
        this.probabilities = probabilities;
    }

    /**
     * Asks {@code judge} about every pair.
     *
     * @param prompts the prompt texts, as the judge reads them
     * @param responses responses.get(i).get(k): the first policy's response k to prompt i
     * @param others the other policy's responses, indexed the same way
     */
    public static HeadToHead judge(PreferenceModel judge, List<String> prompts, List<List<String>> responses,
            List<List<String>> others) {
        double[][] p = new double[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            List<String> mine = responses.get(i);
            List<String> theirs = others.get(i);
            p[i] = new double[mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                p[i][k] = judge.compare(prompts.get(i), List.of(mine.get(k), theirs.get(k))).matrix().get(0, 1);
            }
        }
        return new HeadToHead(p);
    }

    /** p_ik, in [0, 1]. */
    public double probability(int prompt, int sample) {
        return probabilities[prompt][sample];
    }

    /** The first policy's win rate, ties counting half, with its 95% interval. */
    public WinRate winRate() {
        WinRate.Tally tally = new WinRate.Tally();
        for (double[] row : probabilities) {
            for (double p : row) {
                tally.add(Double.compare(p, 0.5));
            }
        }
        return tally.result();
    }

    /**
     * The win rate at equal lengths.
     *
     * @param lengths lengths[i][k]: the first policy's response lengths (tokens)
     * @param otherLengths the other policy's, in the same unit
     */
    public LengthControlledWinRate lengthControlled(int[][] lengths, int[][] otherLengths) {
        List<JudgedComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            for (int k = 0; k < probabilities[i].length; k++) {
                comparisons.add(new JudgedComparison(outcome(probabilities[i][k]), lengths[i][k],
                        otherLengths[i][k]));
            }
        }
        return LengthControlledWinRate.of(comparisons);
    }

    /** 1 for a win, 1/2 for a tie, 0 for a loss. */
    private static double outcome(double p) {
        if (p == 0.5) {
            return 0.5;
        }
        return p > 0.5 ? 1 : 0;
    }
}
