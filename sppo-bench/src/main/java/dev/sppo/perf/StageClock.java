package dev.sppo.perf;

/**
 * Follows one job through the pipeline's stages (see {@link StageTimes}): given the topics' message counts when
 * the job was submitted, it notes the first observation at which each stage had handled all {@code prompts}.
 */
final class StageClock {

    private final long start = System.nanoTime();
    private final long[] baseline;
    private final int prompts;
    private final double[] done = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    /** @param baseline the counts of requests, responses and scored prompts before the job */
    StageClock(long[] baseline, int prompts) {
        if (baseline.length != 3) {
            throw new IllegalArgumentException("baseline: 3 topic counts expected, got " + baseline.length);
        }
        this.baseline = baseline.clone();
        this.prompts = prompts;
    }

    long start() {
        return start;
    }

    /** One observation: the three topic counts now, and the prompts the trainer has stored. */
    void observe(long[] counts, int stored) {
        double now = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < 3; i++) {
            mark(i, counts[i] - baseline[i] >= prompts, now);
        }
        mark(3, stored >= prompts, now);
    }

    private void mark(int stage, boolean complete, double now) {
        if (complete && Double.isNaN(done[stage])) {
            done[stage] = now;
        }
    }

    StageTimes times() {
        return new StageTimes(done[0], done[1], done[2], done[3]);
    }
}
