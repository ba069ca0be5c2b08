"""Second, independent reference for packages/stats/src/distributions and special: 40-digit
values from mpmath (arbitrary precision) and scipy 1.17 (Boost's noncentral t), at points where
R itself is approximate (log-gamma near its roots, huge df where R's pt switches to a normal
approximation, p-values far in the tails).
Run: python3 packages/stats/reference/high_precision.py
"""

import json
import pathlib

import mpmath as mp
import scipy
from scipy import stats

mp.mp.dps = 40


def f(x):
    return float(x)


def t_cdf(t, df):
    """P(T <= t) from the regularized incomplete beta in 40-digit arithmetic."""
    t, df = mp.mpf(t), mp.mpf(df)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return tail if t < 0 else 1 - tail


def t_quantile_lower(p, df):
    return mp.findroot(lambda t: t_cdf(t, df) - mp.mpf(p), float(stats.t.ppf(p, df)))


out = {
    "source": f"mpmath {mp.__version__}, scipy {scipy.__version__}",
    "lgamma": [[x, f(mp.loggamma(mp.mpf(x)))] for x in [0.75, 0.9, 0.999, 0.9999999, 1.0000001, 1.001, 1.2, 1.8, 1.999, 2.001, 2.0000001, 2.25, 4.2]],
    "ptTail": [[t, df, f(t_cdf(t, df))] for t, df in [(-3.1, 298), (-1.7, 2000), (-7, 150), (-2.5, 1e6), (-6, 1e6), (-12, 1e6), (-40, 1e3), (-1e6, 3), (-60, 8), (-4, 2.5)]],
    "qtTail": [[p, df, f(t_quantile_lower(p, df))] for p, df in [(1e-12, 0.5), (1e-12, 1), (1e-12, 3), (1e-12, 4.5), (1e-12, 30), (1e-10, 200)]],
    "pnormTail": [[x, f(mp.ncdf(x))] for x in [-35, -20, -9, -5.9]],
    "chisqTail": [[x, df, f(mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True))] for x, df in [(100, 1), (600, 2), (400, 30), (3000, 2000)]],
    "pnctScipy": [[t, df, ncp, float(stats.nct.sf(t, df, ncp))] for t, df, ncp in [(1.97, 98, 2.8), (1.66, 198, 2.5), (2.0, 18, 1.0), (2.6, 5.5, 4.0)]],
}
path = pathlib.Path(__file__).with_name("high-precision.json")
path.write_text(json.dumps(out, indent=None))
print("wrote", path)
