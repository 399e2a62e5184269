package dev.sppo.task;

/**
 * Settings of {@link AdditionTask}.
 *
 * @param minDigits fewest digits of an operand, >= 1
 * @param maxDigits most digits of an operand, in [minDigits, 9]
 * @param seed seeds the prompt streams
 */
public record AdditionConfig(int minDigits, int maxDigits, long seed) {

    /** The most digits an operand may have, so that operands and sums fit in an int and a long. */
    public static final int MAX_DIGITS = 9;

    public AdditionConfig {
        if (minDigits < 1 || maxDigits < minDigits || maxDigits > MAX_DIGITS) {
            throw new IllegalArgumentException("addition needs 1 <= minDigits <= maxDigits <= " + MAX_DIGITS
                    + ", got minDigits " + minDigits + ", maxDigits " + maxDigits);
        }
    }

    /** One- and two-digit operands, seed 0: small enough for a tiny character-level policy. */
    public static AdditionConfig defaults() {
        return new AdditionConfig(1, 2, 0);
    }
}
