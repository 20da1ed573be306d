#!/usr/bin/env python3
"""Reference values of the regularised incomplete gamma functions, in 40-digit arithmetic.

Used by Tests/StatisticsTests/IncompleteGammaTests.swift:
  testLargeOrderAgainstFortyDigitValues   Q(2.5, 0.7), Q(600, 650), P(600, 520),
                                          P(1e6, 997000), Q(1e7 + 1, 1e7)
  testPoissonCDFAtAMillionIsNearlyNormal  P(n <= 1e6; mu = 1e6) = Q(1e6 + 1, 1e6)

Run: python3 incomplete_gamma.py   (needs mpmath only; not run by `make test`)
Prints each value to 17 significant digits and the nearest double, which the tests state.
"""
import mpmath

mpmath.mp.dps = 40


def P(a, x):
    return mpmath.gammainc(a, 0, x, regularized=True)


def Q(a, x):
    return mpmath.gammainc(a, x, mpmath.inf, regularized=True)


values = [
    ("Q(2.5, 0.7)", Q(mpmath.mpf("2.5"), mpmath.mpf("0.7"))),
    ("Q(600, 650)", Q(600, 650)),
    ("P(600, 520)", P(600, 520)),
    ("P(1e6, 997000)", P(10**6, 997000)),
    ("Q(1e7 + 1, 1e7)", Q(10**7 + 1, 10**7)),
    ("P(n <= 1e6; mu = 1e6) = Q(1e6 + 1, 1e6)", Q(10**6 + 1, 10**6)),
]
for name, value in values:
    print(f"{name:42s} {mpmath.nstr(value, 17):24s} nearest double {float(value)!r}")
