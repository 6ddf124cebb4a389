"""Statistics for champion-vs-challenger comparisons that a reviewer can check.

Everything here is pure and deterministic: the same inputs (and, for the
bootstrap, the same seed) give the same numbers bit for bit.

Sign convention, used throughout
--------------------------------
Metrics are **higher-is-better**. ``a`` is the *champion* (the comparator: the
production model, or the base model when there is no champion yet) and ``b`` is
the *challenger* (the candidate). Differences are ``b - a`` = challenger minus
champion, so a positive difference means the challenger is better. For a
lower-is-better metric (perplexity, latency, a bias or leak rate) negate both
sequences before calling, so that "higher is better" holds again.

- :func:`paired_bootstrap` -- percentile bootstrap CI of the mean per-item
  difference (continuous or binary per-item scores).
- :func:`mcnemar_exact` -- exact two-sided McNemar test for paired binary items.
- :func:`holm` -- Holm step-down adjustment across several metrics.
- :func:`non_inferior` -- the gate rule: lower bound of (challenger - champion)
  must be at least ``-margin``.

numpy is imported inside the functions: importing this module is cheap.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Interval", "McNemar", "holm", "mcnemar_exact", "non_inferior", "non_inferiority_p", "paired_bootstrap"]

# Bound on the number of resampled indices held in memory at once.
_CHUNK_CELLS = 2_000_000


@dataclass(frozen=True)
class Interval:
    """A point estimate with a two-sided confidence interval.

    For :func:`paired_bootstrap`: ``estimate`` is the mean of ``b - a``
    (challenger minus champion), ``[low, high]`` the percentile interval, ``n``
    the number of paired items, ``method`` a description (resamples, seed, level).
    """

    estimate: float
    low: float
    high: float
    n: int
    method: str

    def as_dict(self) -> dict[str, float | int | str]:
        return {"estimate": self.estimate, "low": self.low, "high": self.high, "n": self.n, "method": self.method}


@dataclass(frozen=True)
class McNemar:
    """Exact McNemar test on paired binary outcomes.

    ``b01``: items where ``a`` (champion) is False and ``b`` (challenger) is
    True -- the challenger gained them; ``b10``: ``a`` True and ``b`` False --
    the challenger lost them. ``n`` is the number of paired items (concordant
    and discordant); ``p_value`` is two-sided.
    """

    b01: int
    b10: int
    p_value: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return {"b01": self.b01, "b10": self.b10, "p_value": self.p_value, "n": self.n}


def _floats(name: str, values: Sequence[float]):
    import numpy as np

    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{name}: expected a sequence of numbers ({e})") from None
    if arr.ndim != 1:
        raise ValueError(f"{name}: expected a one-dimensional sequence, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.flatnonzero(~np.isfinite(arr))[0])
        raise ValueError(f"{name}: item {bad} is not a finite number ({arr[bad]!r})")
    return arr


def paired_bootstrap(a: Sequence[float], b: Sequence[float], *, resamples: int = 2000, seed: int = 0,
                     alpha: float = 0.05) -> Interval:
    """Percentile bootstrap CI for the mean of the per-item differences ``b - a``.

    ``a[i]`` and ``b[i]`` are the champion's and the challenger's scores on the
    same item ``i``. Items are resampled with replacement (``resamples`` times,
    from ``numpy.random.default_rng(seed)``); the interval is the
    ``alpha/2`` and ``1 - alpha/2`` quantiles (numpy's default linear
    interpolation) of the resampled means. Deterministic for a given seed.

    Raises ``ValueError`` on sequences of different lengths, empty sequences,
    non-finite values, ``resamples < 1`` or ``alpha`` outside (0, 1).
    """
    import numpy as np

    xa, xb = _floats("a", a), _floats("b", b)
    if xa.shape[0] != xb.shape[0]:
        raise ValueError(f"paired_bootstrap: a has {xa.shape[0]} items, b has {xb.shape[0]}; paired data must have equal lengths")
    n = int(xa.shape[0])
    if n == 0:
        raise ValueError("paired_bootstrap: no items (n == 0)")
    if int(resamples) != resamples or resamples < 1:
        raise ValueError(f"paired_bootstrap: resamples must be a positive integer, got {resamples!r}")
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"paired_bootstrap: alpha must lie in (0, 1), got {alpha!r}")
    resamples = int(resamples)
    d = xb - xa
    estimate = float(d.mean())
    means = _resampled_means(d, resamples, seed)
    low, high = np.quantile(means, [alpha / 2.0, 1.0 - alpha / 2.0])
    level = round((1.0 - alpha) * 100, 6)
    method = f"paired bootstrap, percentile, {level:g}% CI, resamples={resamples}, seed={seed}"
    return Interval(estimate=estimate, low=float(low), high=float(high), n=n, method=method)


def _resampled_means(d, resamples: int, seed: int):
    """The means of ``resamples`` bootstrap resamples of ``d`` (seeded; chunked to bound memory)."""
    import numpy as np

    n = int(d.shape[0])
    rng = np.random.default_rng(seed)
    means = np.empty(resamples, dtype=np.float64)
    rows = max(1, _CHUNK_CELLS // n)
    for start in range(0, resamples, rows):
        stop = min(resamples, start + rows)
        idx = rng.integers(0, n, size=(stop - start, n))
        means[start:stop] = d[idx].mean(axis=1)
    return means


def non_inferiority_p(a: Sequence[float], b: Sequence[float], *, margin: float, resamples: int = 2000,
                      seed: int = 0) -> float:
    """One-sided bootstrap p-value of H0 "the challenger is worse by more than ``margin``".

    ``a``/``b`` as in :func:`paired_bootstrap` (champion, challenger; higher is
    better). With the same seed the resampled means are exactly those behind
    :func:`paired_bootstrap`'s interval, and ``p = (1 + #{means <= -margin}) /
    (resamples + 1)``: ``p <= alpha/2`` agrees with the two-sided ``1 - alpha``
    interval's lower bound clearing ``-margin`` (up to quantile interpolation),
    and the p-values of several metrics can be Holm-adjusted together
    (:func:`holm`), which the interval alone cannot.
    """
    import numpy as np

    if isinstance(margin, bool) or not isinstance(margin, (int, float)) or not math.isfinite(margin) or margin < 0:
        raise ValueError(f"non_inferiority_p: margin must be a finite number >= 0, got {margin!r}")
    xa, xb = _floats("a", a), _floats("b", b)
    if xa.shape[0] != xb.shape[0]:
        raise ValueError(f"non_inferiority_p: a has {xa.shape[0]} items, b has {xb.shape[0]}; paired data must have equal lengths")
    if xa.shape[0] == 0:
        raise ValueError("non_inferiority_p: no items (n == 0)")
    if int(resamples) != resamples or resamples < 1:
        raise ValueError(f"non_inferiority_p: resamples must be a positive integer, got {resamples!r}")
    means = _resampled_means(xb - xa, int(resamples), seed)
    return float((1 + int(np.count_nonzero(means <= -float(margin)))) / (int(resamples) + 1))


def _bools(name: str, values: Sequence[bool]) -> list[bool]:
    out: list[bool] = []
    for i, v in enumerate(values):
        if isinstance(v, bool) or v in (0, 1):  # also numpy bools and 0/1 integers
            out.append(bool(v))
        else:
            raise ValueError(f"{name}: item {i} is {v!r}; expected a boolean (True/False or 1/0)")
    return out


def mcnemar_exact(a: Sequence[bool], b: Sequence[bool]) -> McNemar:
    """Exact two-sided McNemar test of paired binary outcomes.

    Under the null hypothesis (champion ``a`` and challenger ``b`` are equally
    often right), each of the ``m = b01 + b10`` discordant pairs goes either way
    with probability 1/2, so ``p = min(1, 2 * sum_{k <= min(b01, b10)} C(m, k) / 2**m)``
    (computed with exact integers). With no discordant pair, ``p = 1``.

    Raises ``ValueError`` on sequences of different lengths, empty sequences or
    values that are not booleans.
    """
    xa, xb = _bools("a", a), _bools("b", b)
    if len(xa) != len(xb):
        raise ValueError(f"mcnemar_exact: a has {len(xa)} items, b has {len(xb)}; paired data must have equal lengths")
    if not xa:
        raise ValueError("mcnemar_exact: no items (n == 0)")
    b01 = sum(1 for x, y in zip(xa, xb) if not x and y)
    b10 = sum(1 for x, y in zip(xa, xb) if x and not y)
    m = b01 + b10
    if m == 0:
        p = 1.0
    else:
        tail = sum(math.comb(m, k) for k in range(min(b01, b10) + 1))
        p = min(1.0, (2 * tail) / (2**m))  # int / int: correctly rounded even for huge m
    return McNemar(b01=b01, b10=b10, p_value=p, n=len(xa))


def holm(pvalues: Mapping[str, float], alpha: float = 0.05) -> dict[str, tuple[float, bool]]:
    """Holm-Bonferroni step-down adjustment.

    With the ``m`` p-values sorted ascending, ``p_(1) <= ... <= p_(m)``, the
    adjusted value is ``min(1, max_{j <= i} (m - j + 1) * p_(j))`` (monotone
    non-decreasing in ``i``); a hypothesis is rejected when its adjusted
    p-value is ``<= alpha``, which is exactly Holm's "reject until the first
    failure" procedure. Ties are ordered by name, so the result is deterministic.

    Returns ``{name: (adjusted_p, rejected)}`` in the order of ``pvalues``.
    Raises ``ValueError`` on a p-value outside [0, 1] (or NaN) or ``alpha``
    outside (0, 1).
    """
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"holm: alpha must lie in (0, 1), got {alpha!r}")
    for name, p in pvalues.items():
        if not isinstance(p, (int, float)) or isinstance(p, bool) or not 0.0 <= float(p) <= 1.0:
            raise ValueError(f"holm: p-value of {name!r} is {p!r}; expected a number in [0, 1]")
    m = len(pvalues)
    order = sorted(pvalues, key=lambda k: (float(pvalues[k]), str(k)))
    adjusted: dict[str, float] = {}
    running = 0.0
    for i, name in enumerate(order):
        running = max(running, min(1.0, (m - i) * float(pvalues[name])))
        adjusted[name] = running
    return {name: (adjusted[name], adjusted[name] <= alpha) for name in pvalues}


def non_inferior(interval: Interval, margin: float) -> bool:
    """The gate's non-inferiority rule.

    ``interval`` is a CI of (challenger - champion) on a higher-is-better metric
    (as :func:`paired_bootstrap` returns with ``a`` = champion, ``b`` =
    challenger). The challenger is non-inferior when the interval's lower bound
    is at least ``-margin``: it may be worse by at most ``margin``, with the
    stated confidence. ``margin`` is a non-negative number in the metric's units.
    """
    if isinstance(margin, bool) or not isinstance(margin, (int, float)) or not math.isfinite(margin) or margin < 0:
        raise ValueError(f"non_inferior: margin must be a finite number >= 0, got {margin!r}")
    return interval.low >= -float(margin)
