"""Evaluation suites as data: versioned YAML tasks and a lazy metric registry.

``load_suite`` validates a suite file (and its ``include:`` chain) against the
registry and its dataset and reports every problem before any model is
loaded; ``compute`` runs one metric, importing its implementation (and
``sacrebleu``, ``rouge_score`` or ``jsonschema``) only then. Importing this
package imports none of those, nor torch.
"""
from __future__ import annotations

from .loader import (
    DatasetRef,
    Problem,
    SplitSource,
    Suite,
    SuiteError,
    discover,
    load_all,
    load_suite,
    suite_digest,
)
from .registry import MetricInfo, MetricResult, UnknownMetric, compute
from .registry import names as metric_names
from .run import ThresholdCheck, check_thresholds, prompts, references, score
from .spec import PIPELINE_EVAL_SPLIT, SuiteSpec

__all__ = [
    "PIPELINE_EVAL_SPLIT", "DatasetRef", "MetricInfo", "MetricResult", "Problem", "SplitSource", "Suite", "SuiteError",
    "SuiteSpec", "ThresholdCheck", "UnknownMetric", "check_thresholds", "compute", "discover", "load_all", "load_suite",
    "metric_names", "prompts", "references", "score", "suite_digest",
]
