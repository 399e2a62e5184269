package dev.sppo.game;

/**
 * How exploitable a policy is in a {@link ClassGame}, from its class distribution x, the game's Nash mixture x*
 * and the base policy's distribution x_0:
 * <pre>
 *   bestResponseWinRate = max_i (P x)_i = max_y P(y ≻ π)          (1/2 at a Nash mixture, more elsewhere)
 *   dualityGap          = max_i (P x)_i − min_j (x^T P)_j = 2 · bestResponseWinRate − 1
 *   distanceToNash      = TV(x, x*) = ½ Σ_i |x_i − x*_i|
 *   winRateVsBase       = P(x ≻ x_0) = Σ_i Σ_j x_i P[i][j] x_{0,j}
 * </pre>
 * The duality gap is that of the symmetric profile (π, π); since P[i][j] + P[j][i] = 1 it is a function of the
 * best response's win rate, and both are reported because papers quote either.
 *
 * @param bestResponse the class name of the best response (lowest index among ties)
 * @param bestResponseWinRate its win rate against the policy
 * @param dualityGap the duality gap
 * @param distanceToNash the total-variation distance from the Nash mixture
 * @param winRateVsBase the expected win rate against π_0 under the class matrix
 */
public record GameStanding(String bestResponse, double bestResponseWinRate, double dualityGap,
        double distanceToNash, double winRateVsBase) {

    /** The standing of class distribution {@code x} against {@code nash} and {@code base}. */
    public static GameStanding of(ClassGame game, double[] nash, double[] x, double[] base) {
        double[] vsPolicy = game.against(x);
        int best = 0;
        for (int i = 1; i < vsPolicy.length; i++) {
            best = vsPolicy[i] > vsPolicy[best] ? i : best;
        }
        double distance = 0;
        for (int i = 0; i < x.length; i++) {
            distance += Math.abs(x[i] - nash[i]) / 2;
        }
        return new GameStanding(game.classNames().get(best), vsPolicy[best], 2 * vsPolicy[best] - 1, distance,
                game.winRate(x, base));
    }
}
