package dev.sppo.study;

/**
 * The two-sided 95% quantile t_{0.975, ν} of Student's t distribution with ν degrees of freedom: exact table
 * values (to 3 decimals) for ν = 1..30, and beyond that the Cornish-Fisher expansion around z = 1.95996
 *
 * <pre>
 *   t ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²)
 * </pre>
 *
 * which is within 0.001 of the exact value for ν &gt; 30.
 */
final class StudentT {

    private static final double[] TABLE = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};
    private static final double Z = 1.959963984540054;

    private StudentT() {}

    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= TABLE.length) {
            return TABLE[degreesOfFreedom - 1];
        }
        double v = degreesOfFreedom;
        double z3 = Z * Z * Z;
        double z5 = z3 * Z * Z;
        return Z + (z3 + Z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * v * v);
    }
}
