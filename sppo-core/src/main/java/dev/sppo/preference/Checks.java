package dev.sppo.preference;

/** Argument checks shared by the preference classes; each error names the argument and the entry. */
final class Checks {

    private Checks() {
    }

    /** Returns K after checking that {@code m} is a non-null K x K matrix with K >= 2. */
    static int requireSquare(double[][] m, String name) {
        if (m == null || m.length < 2) {
            throw new IllegalArgumentException(
                    name + " needs K >= 2 responses, got " + (m == null ? "null" : "K = " + m.length));
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != m.length) {
                throw new IllegalArgumentException(name + " must be square " + m.length + " x " + m.length
                        + ": row " + i + " has " + (m[i] == null ? "no" : m[i].length) + " entries");
            }
        }
        return m.length;
    }

    /** Returns {@code values} after checking that it is non-null and every entry is finite. */
    static double[] requireFinite(double[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not finite");
            }
        }
        return values;
    }

    /** Returns {@code tau} after checking that it is a positive, finite temperature. */
    static double requireTemperature(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("temperature tau must be positive and finite, got " + tau);
        }
        return tau;
    }
}
