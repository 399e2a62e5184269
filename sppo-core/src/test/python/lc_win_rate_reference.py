"""Independent reference values for LengthControlledWinRateTest.

Fits the ridge-penalised soft-label logistic regression of LengthControlledWinRate with scipy's BFGS (not
Newton's method) and cross-checks it with a root of the gradient found by scipy.optimize.root; prints the
numbers the Java test asserts. Run: python3 sppo-core/src/test/python/lc_win_rate_reference.py
"""
import numpy as np
from scipy.optimize import minimize, root
from scipy.special import expit

RIDGE = 0.01
P = np.array([1.0, 0.5, 0.0, 0.9, 0.2, 1.0, 0.75, 0.3])
LENGTH = np.array([120.0, 80.0, 60.0, 200.0, 90.0, 150.0, 110.0, 40.0])
BASELINE = np.array([100.0, 85.0, 90.0, 120.0, 100.0, 100.0, 100.0, 70.0])

d = LENGTH - BASELINE
scale = d.std(ddof=1)  # pandas' Series.std(), as AlpacaEval's std_delta_len uses
x = np.tanh(d / scale)


def loss(theta):
    z = theta[0] + theta[1] * x
    return np.sum(np.logaddexp(0.0, z) - P * z) + 0.5 * RIDGE * theta @ theta


def gradient(theta):
    r = expit(theta[0] + theta[1] * x) - P
    return np.array([r.sum(), (r * x).sum()]) + RIDGE * theta


bfgs = minimize(loss, np.zeros(2), jac=gradient, method="BFGS", options={"gtol": 1e-14, "maxiter": 10000})
solved = root(gradient, np.zeros(2), tol=1e-15)
assert np.allclose(bfgs.x, solved.x, rtol=0, atol=1e-9), (bfgs.x, solved.x)
b, w = solved.x
print(f"scale         = {float(scale)!r}")
print(f"intercept     = {float(b)!r}")
print(f"length weight = {float(w)!r}")
print(f"lc rate       = {float(expit(b))!r}")
print(f"raw rate      = {float(P.mean())!r}")
print(f"|gradient|    = {np.abs(gradient(solved.x)).max():.1e}")
