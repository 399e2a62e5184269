package dev.sppo.loop;

/**
 * The two KL estimates of π_t, in nats, from the same responses sampled from π_t.
 *
 * @param vsPrevious KL(π_t ‖ π_{t-1}): how far one iteration moved
 * @param vsBase KL(π_t ‖ π_0): how far the run has drifted
 */
record Kl(double vsPrevious, double vsBase) {}
