#!/usr/bin/python3
# Reference values for io.joulebench.harness.stats tests. Run with Debian's SciPy and statsmodels:
#   apt-get install -y python3-scipy python3-statsmodels
#   /usr/bin/python3 harness/src/test/resources/stats/reference.py
# (written with SciPy 1.10.1, statsmodels 0.13.5, NumPy from Debian 12). Prints every literal the tests use.
import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW, ttost_paired, ttost_ind

np.set_printoptions(precision=17)
P = lambda name, v: print(f"{name} = {np.array(v, dtype=float).tolist()!r}")

print("# t quantiles: stats.t.ppf")
for p, df in [(0.975, 1), (0.975, 2), (0.975, 4), (0.975, 9), (0.975, 19), (0.95, 4), (0.975, 7.5), (0.995, 30)]:
    P(f"t.ppf({p}, {df})", stats.t.ppf(p, df))

print("# one-sample t interval and summary")
A = np.array([12.1, 11.8, 12.6, 12.3, 11.9, 12.4, 15.9])
m, s = A.mean(), A.std(ddof=1)
P("A mean, sd", [m, s])
P("A t.interval 95", stats.t.interval(0.95, len(A) - 1, loc=m, scale=stats.sem(A)))
P("A DescrStatsW.tconfint_mean", DescrStatsW(A).tconfint_mean(0.05))
q1, med, q3 = np.percentile(A, [25, 50, 75])  # numpy 'linear' = Hyndman-Fan type 7
P("A q1, median, q3, fences", [q1, med, q3, q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)])

print("# Welch and paired t")
X = np.array([101.2, 98.7, 104.5, 99.9, 102.3, 100.8])
Y = np.array([110.4, 108.1, 113.9, 107.7, 111.0, 109.6, 112.5])
w = stats.ttest_ind(X, Y, equal_var=False)
P("welch p", w.pvalue)
P("welch CompareMeans.tconfint_diff unequal", CompareMeans(DescrStatsW(X), DescrStatsW(Y)).tconfint_diff(0.05, usevar='unequal'))
vx, vy = X.var(ddof=1) / len(X), Y.var(ddof=1) / len(Y)
df = (vx + vy) ** 2 / (vx ** 2 / (len(X) - 1) + vy ** 2 / (len(Y) - 1))
P("welch df, by hand interval", [df, X.mean() - Y.mean() - stats.t.ppf(0.975, df) * np.sqrt(vx + vy),
                                 X.mean() - Y.mean() + stats.t.ppf(0.975, df) * np.sqrt(vx + vy)])
Yp = Y[:6]
r = stats.ttest_rel(X, Yp)
P("paired p", r.pvalue)
P("paired ttest_rel CI", tuple(r.confidence_interval(0.95)))
P("paired ttest_rel CI 90", tuple(r.confidence_interval(0.90)))

print("# TOST (statsmodels) for the accuracy verdict: pp values")
AX = np.array([88.1, 88.4, 87.9, 88.3, 88.0, 88.2])
AY = np.array([88.0, 88.2, 88.1, 88.3, 87.9, 88.1])
P("tost paired p (margin 0.5)", ttost_paired(AX, AY, -0.5, 0.5)[0])
P("paired CI 90", tuple(stats.ttest_rel(AX, AY).confidence_interval(0.90)))

print("# Fieller: spec formula, and an independent derivation solving (mx - rho my)^2 = t^2 (vx - 2 rho vxy + rho^2 vy)")
def fieller(x, y, paired, level=0.95):
    mx, my = x.mean(), y.mean()
    R = mx / my
    vx, vy = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
    vxy = np.cov(x, y, ddof=1)[0, 1] / len(x) if paired else 0.0
    df = len(x) - 1 if paired else (vx + R**2 * vy) ** 2 / (vx**2 / (len(x) - 1) + R**4 * vy**2 / (len(y) - 1))
    t = stats.t.ppf(0.5 + level / 2, df)
    g = t**2 * vy / my**2
    disc = vx - 2 * R * vxy + R**2 * vy - g * (vx - vxy**2 / vy)
    lo = (R - g * vxy / vy - t / my * np.sqrt(disc)) / (1 - g)
    hi = (R - g * vxy / vy + t / my * np.sqrt(disc)) / (1 - g)
    roots = np.sort(np.roots([my**2 - t**2 * vy, -2 * (mx * my - t**2 * vxy), mx**2 - t**2 * vx]).real)
    return R, g, df, sorted([lo, hi]), roots.tolist()
P("fieller paired X/Yp (R, g, df, formula, quadratic)", [*fieller(X, Yp, True)[:3], *fieller(X, Yp, True)[3], *fieller(X, Yp, True)[4]])
P("fieller unpaired X/Y (R, g, df, formula, quadratic)", [*fieller(X, Y, False)[:3], *fieller(X, Y, False)[3], *fieller(X, Y, False)[4]])
N = np.array([0.3, -0.2, 0.5, 0.1, -0.4])
P("fieller g for X[:5]/N unpaired (>= 1: undefined)", fieller(X[:5], N, False)[1])

print("# Holm: statsmodels multipletests")
pv = np.array([0.01, 0.04, 0.03, 0.005, 0.20])
rej, padj, _, _ = multipletests(pv, alpha=0.05, method='holm')
P("holm adjusted", padj)
P("holm rejected", rej)

print("# bootstrap of mean(x)/mean(y): scipy.stats.bootstrap, 10 000 resamples, seeds 0..19")
BX = np.array([81.0, 95.2, 70.4, 88.9, 102.7, 77.5, 91.3, 84.1, 99.6, 73.8])
BY = np.array([100.2, 118.0, 90.1, 109.5, 126.3, 97.7, 112.4, 106.0, 121.9, 93.0])
ratio = lambda x, y, axis=-1: np.mean(x, axis=axis) / np.mean(y, axis=axis)
for paired in (True, False):
    for method in ("percentile", "BCa"):
        ends = np.array([list(stats.bootstrap((BX, BY), ratio, paired=paired, vectorized=True, n_resamples=10000,
                                              method=method, random_state=s).confidence_interval)
                         for s in range(20)])
        P(f"boot paired={paired} {method} mean [lo, hi]", ends.mean(axis=0))
        P(f"boot paired={paired} {method} sd over seeds [lo, hi]", ends.std(axis=0, ddof=1))

print("# skewed arms, where BCa and percentile part clearly: same call, seeds 0..19")
SX = np.array([1.21, 1.52, 1.13, 4.80, 1.33, 1.41, 1.25, 3.90, 1.36, 1.62])
SY = np.array([1.02, 1.11, 0.98, 1.05, 1.20, 1.07, 0.95, 1.10, 1.04, 1.01, 1.08, 0.99])
for method in ("percentile", "BCa"):
    ends = np.array([list(stats.bootstrap((SX, SY), ratio, paired=False, vectorized=True, n_resamples=10000,
                                          method=method, random_state=s).confidence_interval) for s in range(20)])
    P(f"skewed unpaired {method} mean [lo, hi]", ends.mean(axis=0))
    P(f"skewed unpaired {method} sd over seeds [lo, hi]", ends.std(axis=0, ddof=1))
