package dev.sppo.chaos;

import java.util.List;

/**
 * What a training soak ({@link SoakRun}) did.
 *
 * @param threads the intra-op threads of its JVMs
 * @param workers the data-parallel workers of each training step
 * @param parameters the soaked model's parameters
 * @param seconds its wall time
 * @param steps training steps done, over every JVM it ran (counted at each JVM's last progress line)
 * @param runs JVMs started: one, plus one after each crash while time was left
 * @param crashes each JVM that ended with a status other than 0: its status and where it crashed (the
 *     problematic frame of its {@code hs_err} file, or its last line of output)
 */
public record SoakResult(
        int threads, int workers, long parameters, double seconds, long steps, int runs, List<String> crashes) {

    public SoakResult {
        crashes = List.copyOf(crashes);
    }
}
