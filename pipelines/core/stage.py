"""What every stage declares about itself, so that dvc.yaml and the code agree.

A stage module exposes ``SPEC`` (a :class:`StageSpec`) and ``run_stage(cfg, root)``.
When its checks fail, anonymize and validate raise (nothing is trained on data
that failed them); finetune, evaluate and bias_scan return evidence with
``passed: false`` so that register records the failure and then fails the run.
The spec names the config keys the stage reads (``params``), the code it runs,
and, as functions of the configuration, the files it reads and writes. A test
compares these with ``dvc.yaml``; the runner passes the stage nothing else.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import PipelineConfig

Paths = Callable[[PipelineConfig], dict[str, str]]


@dataclass(frozen=True)
class StageSpec:
    name: str
    params: tuple[str, ...]
    code: tuple[str, ...]
    inputs: Paths
    outputs: Paths
    evidence: Callable[[PipelineConfig], str]
    metrics: Paths = field(default=lambda cfg: {})
    plots: Paths = field(default=lambda cfg: {})
    # outputs kept in Git rather than the DVC cache (small, reviewed in the PR)
    uncached: Callable[[PipelineConfig], tuple[str, ...]] = field(default=lambda cfg: ())

    def all_outputs(self, cfg: PipelineConfig) -> list[str]:
        return [*self.outputs(cfg).values(), *self.metrics(cfg).values(), *self.plots(cfg).values(), self.evidence(cfg)]

    def config_digest(self, cfg: PipelineConfig) -> str:
        return cfg.digest(self.params)


def progress(stage: str, message: str) -> None:
    """One progress line on stderr (DVC shows it while the stage runs)."""
    print(f"[{stage}] {message}", file=sys.stderr, flush=True)


def resolve(root: Path, rel: str) -> Path:
    p = Path(rel)
    return p if p.is_absolute() else root / p
