package dev.sppo.chaos;

import java.util.List;

/**
 * A chaos run: the undisturbed job, every faulted trial of the same job, and what the run cost.
 *
 * @param baseline the job run without faults
 * @param trials the faulted runs, in order
 * @param seconds the whole run's wall time, platform start included
 * @param setupSeconds the part of {@code seconds} before the first trial: the platform's start and the baseline
 * @param load the machine's load while it ran
 */
public record ChaosReport(TrialResult baseline, List<TrialResult> trials, double seconds, double setupSeconds,
        MachineLoad load) {

    /** The mean wall time of a trial; NaN without trials. */
    public double secondsPerTrial() {
        return trials.isEmpty() ? Double.NaN : (seconds - setupSeconds) / trials.size();
    }
}
