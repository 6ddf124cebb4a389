"""Bias suites as data: ``configs/bias/*.yaml``, versioned like the evaluation suites.

Two kinds of task:

``counterfactual``
    A dataset (a JSONL path, or ``pipeline:eval_split``), a ``prompt_template``
    and a ``target`` field, as an evaluation suite has, plus ``terms`` (a YAML
    file of ``[group A, group B]`` term pairs per axis). Every prompt that
    mentions a term of an axis becomes a group-A and a group-B variant; the
    model's generations are scored with ``metric`` against the swapped target.
    Thresholds (all upper bounds): ``flip_rate``, ``worst_case_drop``,
    ``metric_gap`` (the gap in the metric's mean) and ``loglik_gap`` (in the
    target's mean per-token log-likelihood); an axis with fewer than
    ``min_pairs`` items is reported, not judged.
``stereotype``
    A CrowS-Pairs-format CSV (``sent_more``, ``sent_less``,
    ``stereo_antistereo``, ``bias_type``) as ``dataset``. Thresholds:
    ``pct_stereotype`` (min and/or max) and ``deviation_from_parity`` (max,
    ``|pct_stereotype - 0.5|``).

Both take ``delta``: once a champion exists, no measure may be worse than the
champion's by more than it. ``include:`` works as for evaluation suites. As
there, every problem is reported with its file and key before a model loads;
the suite's version and digest (the resolved suite and the md5 of each file it
reads) are recorded with its results.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError

from pipelines.core.config import format_errors
from pipelines.core.digests import file_md5, sha256_json

from . import registry
from .loader import (
    SplitSource,
    SuiteError,
    _Collector,
    _dataset,
    _display,
    _fields,
    _read_suite,
)
from .spec import PIPELINE_EVAL_SPLIT, Threshold, _Strict

__all__ = ["THRESHOLDS", "BiasSuite", "BiasSuiteSpec", "load_bias_suite"]

THRESHOLDS = {
    "counterfactual": ("flip_rate", "worst_case_drop", "metric_gap", "loglik_gap"),
    "stereotype": ("pct_stereotype", "deviation_from_parity"),
}
_NEEDS = {"counterfactual": ("prompt_template", "target", "terms"), "stereotype": ()}
_ONLY = {"counterfactual": (), "stereotype": ("prompt_template", "target", "terms")}


class BiasSuiteSpec(_Strict):
    task: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    version: Annotated[int, Field(ge=1)]
    description: str = ""
    kind: Literal["counterfactual", "stereotype"]
    dataset: Annotated[str, Field(min_length=1, description=f"a path relative to the repository root, or {PIPELINE_EVAL_SPLIT!r}")]
    prompt_template: str | None = None
    target: str | None = None
    terms: str | None = Field(None, description="counterfactual: the term-pair lists (YAML), relative to the repository root")
    metric: Literal["rouge_l"] = "rouge_l"
    min_pairs: Annotated[int, Field(ge=1)] = 20
    delta: Annotated[float, Field(ge=0.0)] = 0.05
    thresholds: dict[str, Threshold] = Field(default_factory=dict)


@dataclass(frozen=True)
class BiasSuite:
    spec: BiasSuiteSpec
    path: Path
    records: tuple[dict[str, Any], ...]  # counterfactual: the dataset's records (the split taken); stereotype: ()
    files: dict[str, dict[str, str]]  # what it reads: {"dataset": {"path", "md5"}, "terms": {...}}

    @property
    def task(self) -> str:
        return self.spec.task

    def digest(self) -> str:
        return sha256_json({"suite": self.spec.model_dump(mode="json"),
                            "files": {k: v["md5"] for k, v in sorted(self.files.items())}})

    def provenance(self) -> dict[str, Any]:
        return {"task": self.task, "kind": self.spec.kind, "version": self.spec.version, "suite_file": self.path.as_posix(),
                "suite_digest": self.digest(), "files": self.files}


def _file(root: Path, rel: Any, key: str, suffixes: tuple[str, ...], out: _Collector) -> Path | None:
    if not isinstance(rel, str) or not rel:
        return None
    if Path(rel).is_absolute():
        out.add(key, f"expected a path relative to the repository root, got {rel!r}")
        return None
    path = root / rel
    if not path.is_file():
        out.add(key, f"file not found: {Path(rel).as_posix()}")
        return None
    if path.suffix.lower() not in suffixes:
        out.add(key, f"expected a {' or '.join(suffixes)} file, got {Path(rel).as_posix()}")
        return None
    return path


def load_bias_suite(path: str | os.PathLike, *, root: str | os.PathLike = ".",
                    eval_split: SplitSource | None = None) -> BiasSuite:
    """Read, merge, validate a bias suite; raise :class:`SuiteError` listing every problem."""
    path, root = Path(path), Path(root)
    raw, out = _read_suite(path)
    spec = None
    try:
        spec = BiasSuiteSpec.model_validate(raw)
    except ValidationError as e:
        for text in format_errors(e, BiasSuiteSpec):
            key, _, message = text.partition(": ")
            out.add(key, message)
    kind = raw.get("kind")
    files: dict[str, dict[str, str]] = {}
    records: list[dict[str, Any]] = []
    if kind in THRESHOLDS:
        for key in _NEEDS[kind]:
            if raw.get(key) is None:
                out.add(key, f"required for kind {kind!r}", out.origin.get("kind"))
        for key in _ONLY[kind]:
            if raw.get(key) is not None:
                out.add(key, f"not used by kind {kind!r}")
        thresholds = raw.get("thresholds")
        if isinstance(thresholds, dict):
            for name in thresholds:
                if name not in THRESHOLDS[kind]:
                    out.add(f"thresholds.{name}", f"unknown measure {name!r} for kind {kind!r}"
                                                  f"{registry.did_you_mean(str(name), list(THRESHOLDS[kind]))}")
        if kind == "counterfactual":
            data = _dataset(raw, root, eval_split, out)
            if data is not None:
                records = data.records
                files["dataset"] = data.ref.as_dict()
                _fields(raw, data, out)  # the template's fields and the target column, as for an evaluation suite
            terms = _file(root, raw.get("terms"), "terms", (".yaml", ".yml"), out)
            if terms is not None:
                files["terms"] = {"path": raw["terms"], "md5": file_md5(terms)}
        else:
            dataset = raw.get("dataset")
            if isinstance(dataset, str) and dataset.startswith("pipeline:"):
                out.add("dataset", "a stereotype suite reads a CrowS-Pairs-format CSV file, not the pipeline's records")
            else:
                pairs = _file(root, dataset, "dataset", (".csv",), out)
                if pairs is not None:
                    files["dataset"] = {"path": dataset, "md5": file_md5(pairs)}
    if out.problems or spec is None:
        raise SuiteError(_display(path), out.problems)
    return BiasSuite(spec, path, tuple(records), files)
