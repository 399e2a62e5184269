package dev.sppo.study;

import java.util.List;

/**
 * A finished run of a study.
 *
 * @param key which run
 * @param configDigest digest of the run's config tree: a cached run is reused only for the same config
 * @param points π_0 .. π_T, in order
 */
public record RunOutcome(RunKey key, String configDigest, List<RunPoint> points) {

    public RunOutcome {
        points = List.copyOf(points);
        for (int t = 0; t < points.size(); t++) {
            if (points.get(t).iteration() != t) {
                throw new IllegalArgumentException(key + ": point " + t + " describes iteration "
                        + points.get(t).iteration());
            }
        }
    }

    /** The point of π_t. */
    public RunPoint at(int t) {
        return points.get(t);
    }
}
