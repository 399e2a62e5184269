package dev.sppo.chaos;

/**
 * What became of one fault of a trial.
 *
 * @param fault the fault
 * @param injected false when the job was past the fault's point before it could be hit (nothing was injected)
 * @param recoverySeconds from the hit until the job moved again (its state, iteration, phase or stored results
 *     changed), the restart of what was hit included; NaN when not injected
 */
public record FaultOutcome(Fault fault, boolean injected, double recoverySeconds) {

    static FaultOutcome missed(Fault fault) {
        return new FaultOutcome(fault, false, Double.NaN);
    }
}
