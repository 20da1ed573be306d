#!/usr/bin/env python3
"""Observed CLs upper limits at 90 % CL with a background prior, computed independently of reach.

Used by Tests/StatisticsTests/CLsLimitTests.swift, testAgainstIndependentQuadrature: the table
(n, b, db, prior, limit) there is this script's output.

The definition is docs/statistics.md sections 4 and 5: CLs(s) = E[P(N <= n; s + b')] / E[P(N <= n; b')]
with b' over the prior, Gaussian truncated at zero (b' = b + db*theta, theta >= -b/db, renormalised)
or log-normal (b' = b * kappa**theta, kappa = 1 + db/b), theta standard normal; the limit solves
CLs(s) = 0.10. Here P(N <= n; mu) = scipy.special.gammaincc(n + 1, mu), the prior average is
scipy.integrate.quad (adaptive) over theta with break points where the Poisson tail steps, and
the root is scipy.optimize.brentq to 1e-10.

Run: python3 cls_limits.py   (needs scipy; not run by `make test`)
"""
import math

from scipy import integrate, optimize, special

ALPHA = 0.10


def prior(b, db, model):
    """(b'(theta), lower end of theta) for the prior."""
    if model == "gaussian":
        return (lambda t: b + db * t), max(-8.0, -b / db)
    kappa = 1 + db / b
    return (lambda t: b * kappa ** t), -8.0


def average(f, b, db, model, breaks):
    """E[f(b')] over the prior, renormalised to the part of theta that is kept."""
    bprime, lower = prior(b, db, model)
    upper = 8.0
    points = sorted(t for t in breaks if lower < t < upper)
    weight = lambda t: math.exp(-0.5 * t * t)
    num = integrate.quad(lambda t: f(bprime(t)) * weight(t), lower, upper, points=points or None,
                         limit=500, epsabs=0, epsrel=1e-12)[0]
    norm = integrate.quad(weight, lower, upper, epsabs=0, epsrel=1e-13)[0]
    return num / norm


def theta_of(bprime, b, db, model):
    if model == "gaussian":
        return (bprime - b) / db
    return math.log(bprime / b) / math.log(1 + db / b) if bprime > 0 else -8.0


def limit(n, b, db, model):
    tail = lambda mu: special.gammaincc(n + 1, mu)

    def breaks(s):
        width = math.sqrt(n + 1)
        centre = n + 1 - s
        return [theta_of(centre + k * width, b, db, model) for k in (-7, -2, 0, 2, 7) if centre + k * width > 0] + [-4, -1.5, 1.5, 4]

    clb = average(tail, b, db, model, breaks(0))
    cls = lambda s: average(lambda bp: tail(s + bp), b, db, model, breaks(s)) / clb - ALPHA
    upper = 10.0 + 10 * (math.sqrt(n + b) + db)
    return optimize.brentq(cls, 1e-9, upper, xtol=1e-10, rtol=1e-14)


cases = [
    (1, 1, 0.5, "gaussian"),
    (3, 3, 3, "gaussian"),
    (10, 10, 1, "gaussian"),
    (100, 100, 50, "gaussian"),
    (1000, 1000, 300, "gaussian"),
    (2, 5, 2, "gaussian"),
    (5, 2, 1, "logNormal"),
    (100, 100, 30, "logNormal"),
    (6894, 7549, 928, "gaussian"),
    (6894, 7549, 928, "logNormal"),
]
for n, b, db, model in cases:
    print(f"({n}, {b}, {db}, .{model}, {limit(n, b, db, model):.10f}),")
