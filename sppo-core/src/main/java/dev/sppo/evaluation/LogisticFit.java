package dev.sppo.evaluation;

/**
 * A ridge-penalised logistic regression on one covariate with an intercept, fitted to soft labels: the (b, w)
 * that minimises
 *
 * <pre>
 *   L(b, w) = Σ_i [ softplus(z_i) - p_i · z_i ] + (λ / 2) · (b² + w²),   z_i = b + w · x_i,
 * </pre>
 *
 * the cross-entropy of σ(z_i) against p_i in [0, 1] (a 0/1 label is the usual log-loss) plus an L2 penalty on
 * both coefficients, as scikit-learn's {@code LogisticRegression(penalty="l2", C=1/λ, fit_intercept=False)} does
 * with a column of ones. λ &gt; 0 makes L strictly convex with a finite minimum even when the labels are separable
 * (all wins), so the fit never runs to infinity.
 *
 * <p>It is found by Newton's method on the 2 × 2 system with gradient
 * g = (Σ (σ_i - p_i) + λb, Σ (σ_i - p_i) x_i + λw) and Hessian H = [[Σ s_i + λ, Σ s_i x_i], [Σ s_i x_i,
 * Σ s_i x_i² + λ]], s_i = σ_i (1 - σ_i), from (0, 0), halving a step until L does not rise, and stopping when a
 * step moves neither coefficient by more than 1e-12 (at most 100 steps; the convergence is quadratic).
 */
final class LogisticFit {

    /** σ(intercept + slope · x). */
    record Coefficients(double intercept, double slope) {

        double probability(double x) {
            return sigmoid(intercept + slope * x);
        }
    }

    private static final double TOLERANCE = 1e-12;
    private static final int MAX_STEPS = 100;
    private static final int MAX_HALVINGS = 60;

    private final double[] x;
    private final double[] p;
    private final double ridge;

    private LogisticFit(double[] x, double[] p, double ridge) {
        this.x = x;
        this.p = p;
        this.ridge = ridge;
    }

    /**
     * @param x the covariate of each observation
     * @param p the label of each observation, in [0, 1]
     * @param ridge λ &gt; 0
     */
    static Coefficients fit(double[] x, double[] p, double ridge) {
        if (x.length != p.length) {
            throw new IllegalArgumentException("x and p differ in length: " + x.length + " and " + p.length);
        }
        if (!(ridge > 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("the ridge penalty must be finite and > 0, got " + ridge);
        }
        return new LogisticFit(x, p, ridge).newton();
    }

    private Coefficients newton() {
        double b = 0;
        double w = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            double gb = ridge * b;
            double gw = ridge * w;
            double hbb = ridge;
            double hbw = 0;
            double hww = ridge;
            for (int i = 0; i < x.length; i++) {
                double sigma = sigmoid(b + w * x[i]);
                double residual = sigma - p[i];
                double s = sigma * (1 - sigma);
                gb += residual;
                gw += residual * x[i];
                hbb += s;
                hbw += s * x[i];
                hww += s * x[i] * x[i];
            }
            double det = hbb * hww - hbw * hbw;
            double db = -(hww * gb - hbw * gw) / det;
            double dw = -(hbb * gw - hbw * gb) / det;
            double t = halvedUntilNoRise(b, w, db, dw);
            b += t * db;
            w += t * dw;
            if (Math.max(Math.abs(t * db), Math.abs(t * dw)) <= TOLERANCE) {
                return new Coefficients(b, w);
            }
        }
        throw new IllegalStateException("the logistic fit did not converge in " + MAX_STEPS + " Newton steps");
    }

    private double halvedUntilNoRise(double b, double w, double db, double dw) {
        double here = loss(b, w);
        double t = 1;
        for (int i = 0; i < MAX_HALVINGS && loss(b + t * db, w + t * dw) > here; i++) {
            t /= 2;
        }
        return t;
    }

    private double loss(double b, double w) {
        double sum = 0.5 * ridge * (b * b + w * w);
        for (int i = 0; i < x.length; i++) {
            double z = b + w * x[i];
            sum += softplus(z) - p[i] * z;
        }
        return sum;
    }

    /** log(1 + e^z) without overflow. */
    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** 1 / (1 + e^-z) without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
