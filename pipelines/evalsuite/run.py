"""Apply a loaded suite: render its prompts, score outputs with its metrics, check its thresholds.

Pure functions over a :class:`~pipelines.evalsuite.loader.Suite`; generating
or scoring with a model is the caller's business (the evaluate stage).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import registry
from .loader import Suite
from .registry import MetricResult

__all__ = ["ThresholdCheck", "check_thresholds", "prompts", "references", "score"]


def prompts(suite: Suite) -> list[str]:
    """The suite's template filled in with each record, in record order."""
    return [suite.spec.prompt_template.format_map(r) for r in suite.records]


def references(suite: Suite) -> list[Any]:
    """The reference of each record: the ``target`` field, or ``gold`` for multiple_choice."""
    key = suite.spec.gold if suite.spec.output_type == "multiple_choice" else suite.spec.target
    return [r[key] for r in suite.records]


def score(
    suite: Suite, predictions: Sequence[Any] | None = None, *, scores: Sequence[tuple[float, int]] | None = None
) -> dict[str, MetricResult]:
    """Every metric of the suite on outputs aligned with ``suite.records``.

    ``predictions``: generated texts (generate) or chosen answers
    (multiple_choice); ``scores``: per-item ``(log-likelihood, tokens)`` of the
    target (loglikelihood).
    """
    n = len(suite.records)
    for label, seq in (("predictions", predictions), ("scores", scores)):
        if seq is not None and len(seq) != n:
            raise ValueError(f"{suite.task}: {len(seq)} {label} for {n} records")
    refs = references(suite)
    results = {}
    for m in suite.spec.metrics:
        args = suite.metric_args[m.name]
        source = getattr(args, "source", None)
        sources = [str(r[source]) for r in suite.records] if source else None
        info = registry.get(m.name)
        results[m.name] = registry.compute(
            m.name,
            predictions if "predictions" in info.needs else None,
            refs if "references" in info.needs else None,
            sources=sources, scores=scores, args=args,
        )
    return results


@dataclass(frozen=True)
class ThresholdCheck:
    metric: str
    value: float | None  # None: the metric was not computed (fails closed)
    min: float | None
    max: float | None
    passed: bool


def check_thresholds(suite: Suite, results: Mapping[str, MetricResult]) -> list[ThresholdCheck]:
    """One check per threshold of the suite; a metric without a result fails."""
    checks = []
    for name, t in suite.spec.thresholds.items():
        r = results.get(name)
        value = None if r is None else r.value
        ok = value is not None and value == value and (t.min is None or value >= t.min) and (t.max is None or value <= t.max)
        checks.append(ThresholdCheck(name, value, t.min, t.max, ok))
    return checks
