package dev.sppo.chaos;

import java.util.List;

/**
 * A chaos run: the undisturbed job, every faulted trial of the same job, and the run's wall time.
 *
 * @param baseline the job run without faults
 * @param trials the faulted runs, in order
 * @param seconds the whole run's wall time, platform start included
 */
public record ChaosReport(TrialResult baseline, List<TrialResult> trials, double seconds) {}
