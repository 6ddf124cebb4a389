"""Perplexity from per-item log-likelihoods supplied by the caller."""
from __future__ import annotations

import math

from ..registry import Inputs, NoArgs


def perplexity(inp: Inputs, args: NoArgs) -> tuple[float, list[float]]:
    """Token-weighted corpus perplexity ``exp(-sum ll / sum n)``; per item ``exp(-ll_i / n_i)``.

    ``scores`` are ``(sum of the target's token log-likelihoods, token count)``
    per item. An item with no tokens has an infinite perplexity.
    """
    per = [math.exp(-ll / n) if n > 0 else math.inf for ll, n in inp.scores]
    total_n = sum(n for _, n in inp.scores)
    value = math.exp(-math.fsum(ll for ll, _ in inp.scores) / total_n) if total_n else math.inf
    return value, per
