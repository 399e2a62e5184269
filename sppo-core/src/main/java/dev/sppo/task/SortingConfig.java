package dev.sppo.task;

/**
 * Settings of {@link SortingTask}.
 *
 * @param minLength fewest elements of a list, >= 2
 * @param maxLength most elements of a list, in [minLength, 20]
 * @param digits elements are the single digits 0..digits-1, digits in [2, 10]
 * @param seed seeds the prompt streams
 */
public record SortingConfig(int minLength, int maxLength, int digits, long seed) {

    /** The longest list a prompt may hold. */
    public static final int MAX_LENGTH = 20;

    public SortingConfig {
        if (minLength < 2 || maxLength < minLength || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("sorting needs 2 <= minLength <= maxLength <= " + MAX_LENGTH
                    + ", got minLength " + minLength + ", maxLength " + maxLength);
        }
        if (digits < 2 || digits > 10) {
            throw new IllegalArgumentException("sorting needs 2 <= digits <= 10, got digits " + digits);
        }
    }

    /** Lists of 3 to 5 digits 0..9, seed 0. */
    public static SortingConfig defaults() {
        return new SortingConfig(3, 5, 10, 0);
    }
}
