package dev.sppo.game;

import java.util.List;

/**
 * What the held-out evaluation measured of π_t in a {@link ClassGame}: its class shares and {@link GameStanding},
 * and those of the averaged iterate π̄_t, the uniform mixture of π_1..π_t ({@link GameTracker}).
 *
 * @param classes the class names, indexing the shares
 * @param shares π_t's share of each class among its held-out responses
 * @param averagedShares π̄_t's shares; null for π_0
 * @param last π_t's standing
 * @param averaged π̄_t's standing; null for π_0
 */
public record GameScores(List<String> classes, List<Double> shares, List<Double> averagedShares, GameStanding last,
        GameStanding averaged) {

    public GameScores {
        classes = List.copyOf(classes);
        shares = List.copyOf(shares);
        averagedShares = averagedShares == null ? null : List.copyOf(averagedShares);
    }
}
