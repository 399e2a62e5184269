package dev.sppo.training;

/** Range checks for optimizer settings; each error names the setting and its value. */
final class Hyperparameters {

    private Hyperparameters() {
    }

    static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    static double requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        }
        return value;
    }

    /** A decay factor: in [0, 1). */
    static double requireFraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** A ratio: in [0, 1]. */
    static double requireRatio(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** A limit: positive, where infinity means no limit. */
    static double requirePositiveLimit(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive (infinity for no limit), got " + value);
        }
        return value;
    }
}
