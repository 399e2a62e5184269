package dev.sppo.evaluation;

/**
 * One head-to-head comparison of a policy's answer with a baseline's answer to the same prompt, as a judge saw
 * it, for {@link LengthControlledWinRate}.
 *
 * @param preference the judge's probability that the policy's answer is better, in [0, 1]; an outcome is 1 (win),
 *     1/2 (tie) or 0 (loss)
 * @param length the policy answer's length (tokens or characters, the same unit for both), &gt;= 0
 * @param baselineLength the baseline answer's length, &gt;= 0
 */
public record JudgedComparison(double preference, double length, double baselineLength) {

    public JudgedComparison {
        if (!(preference >= 0 && preference <= 1)) {
            throw new IllegalArgumentException("a preference must be in [0, 1], got " + preference);
        }
        if (!(length >= 0 && baselineLength >= 0) || Double.isInfinite(length) || Double.isInfinite(baselineLength)) {
            throw new IllegalArgumentException("lengths must be finite and >= 0, got " + length + " and "
                    + baselineLength);
        }
    }

    /** length - baselineLength. */
    public double lengthDifference() {
        return length - baselineLength;
    }
}
