#!/usr/bin/env python3
"""Reference values of the standard normal distribution, in 40-digit arithmetic.

Used by Tests/StatisticsTests/NormalDistributionTests.swift:
  testKnownQuantiles   quantile(0.90), quantile(0.95), quantile(0.975), and Phi(-2), the p
                       whose quantile is -2
  testKnownCDFValues   Phi(-1), Phi(2), survival(8) = Phi(-8)
and, as Phi^-1(0.90), Phi^-1(0.95) and Phi(-2), Phi(-1), Phi(1), Phi(2), by
Tests/ProjectionTests/ProjectionTableTests.swift.

Run: python3 normal_distribution.py   (needs mpmath only; not run by `make test`)
"""
import mpmath

mpmath.mp.dps = 40


def cdf(x):
    return mpmath.ncdf(x)


def quantile(p):
    return -mpmath.sqrt(2) * mpmath.erfinv(1 - 2 * mpmath.mpf(p))


for p in ["0.90", "0.95", "0.975"]:
    print(f"quantile({p}) {mpmath.nstr(quantile(p), 17)}")
for x in [-2, -1, 1, 2, -8]:
    print(f"Phi({x}) {mpmath.nstr(cdf(x), 17)}")
print(f"survival(8) {mpmath.nstr(1 - cdf(8), 17)}")
