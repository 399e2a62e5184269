package dev.sppo.game;

import java.util.Arrays;
import java.util.List;

/**
 * Follows the iterates π_0, π_1, .. of a run through a {@link ClassGame}: each one's class shares on the
 * held-out responses and its {@link GameStanding}, and the same for the averaged iterate π̄_t, the uniform mixture
 * of π_1..π_t that the theory of multiplicative weights covers (its average, not its last iterate, converges to the
 * Nash mixture). Sampling π̄_t picks an iterate uniformly per response and samples from it, so its class
 * distribution is exactly the mean of the iterates' distributions,
 * <pre>  x̄_t = (1/t) Σ_{s=1..t} x_s</pre>
 * which is what this evaluates, from the iterates' measured shares, without loading t policies.
 */
public final class GameTracker {

    private final ClassGame game;
    private final double[] nash;
    private double[] base;
    private final double[] sum;
    private int iterates;

    public GameTracker(ClassGame game) {
        this.game = game;
        this.nash = game.nash();
        this.sum = new double[game.size()];
    }

    /** π_0's scores, from its held-out responses; remembered as the base every later standing compares with. */
    public GameScores base(List<String> responses) {
        base = game.shares(responses);
        return new GameScores(game.classNames(), boxed(base), null, GameStanding.of(game, nash, base, base), null);
    }

    /** π_t's scores and those of π̄_t, from π_t's held-out responses. */
    public GameScores next(List<String> responses) {
        if (base == null) {
            throw new IllegalStateException("the base policy's responses come first");
        }
        double[] x = game.shares(responses);
        iterates++;
        double[] mean = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] += x[i];
            mean[i] = sum[i] / iterates;
        }
        return new GameScores(game.classNames(), boxed(x), boxed(mean), GameStanding.of(game, nash, x, base),
                GameStanding.of(game, nash, mean, base));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
