"""The metric registry: names, did-you-mean, and lazy imports."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pipelines.evalsuite import UnknownMetric, compute, metric_names, registry

HEAVY = ("sacrebleu", "rouge_score", "jsonschema", "torch", "transformers", "nltk")


def test_registry_lists_the_metrics():
    assert set(metric_names()) >= {
        "exact_match", "rouge_l", "bleu", "chrf", "json_valid", "groundedness", "refusal_rate", "perplexity", "accuracy",
    }


@pytest.mark.parametrize("typo, suggestion", [("rouge", "rouge_l"), ("exactmatch", "exact_match"), ("chrF", "chrf"),
                                              ("perplexty", "perplexity"), ("refusal", "refusal_rate")])
def test_unknown_metric_suggests_the_closest(typo, suggestion):
    with pytest.raises(UnknownMetric, match=f"unknown metric '{typo}'; did you mean '{suggestion}'"):
        compute(typo, ["a"], ["a"])


def test_unknown_metric_without_a_close_match_lists_the_known():
    with pytest.raises(UnknownMetric, match="known: accuracy, bleu"):
        registry.get("zzzzzz")


def test_every_entry_resolves_to_a_callable():
    import importlib

    for name in metric_names():
        module, _, func = registry.get(name).implementation.partition(":")
        assert callable(getattr(importlib.import_module(module), func)), name


def _modules_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_importing_the_package_imports_no_metric_library():
    assert _modules_after("import pipelines.evalsuite") == []


def test_a_metric_imports_only_its_own_library():
    loaded = _modules_after(
        "from pipelines.evalsuite import compute\n"
        "compute('exact_match', ['a'], ['a']); compute('refusal_rate', ['no']); compute('perplexity', scores=[(-1.0, 1)])"
    )
    assert loaded == []
    assert _modules_after("from pipelines.evalsuite import compute\ncompute('chrf', ['a'], ['a'])") == ["sacrebleu"]
