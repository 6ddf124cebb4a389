"""The typed shape of a suite file (after its ``include:`` chain is merged).

Structure only: which keys exist and what type each has. What needs the
registry or the dataset (metric names and arguments, template fields, target
column) is checked by :mod:`pipelines.evalsuite.loader`, which reports those
problems together with these.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["OUTPUT_TYPES", "PIPELINE_EVAL_SPLIT", "Generation", "MetricSpec", "SuiteSpec", "Threshold", "metric_entry"]

OutputType = Literal["generate", "loglikelihood", "multiple_choice"]
OUTPUT_TYPES: tuple[str, ...] = ("generate", "loglikelihood", "multiple_choice")
PIPELINE_EVAL_SPLIT = "pipeline:eval_split"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Threshold(_Strict):
    """A bound on a metric's aggregate value: ``min`` (value >= min) and/or ``max`` (value <= max)."""

    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Threshold:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max})")
        return self


class Generation(_Strict):
    max_new_tokens: Annotated[int, Field(ge=1)] = 64


class MetricSpec(_Strict):
    """One metric as written: ``- rouge_l`` or ``- json_valid: {schema: ...}``."""

    name: str
    args: dict[str, Any] = Field(default_factory=dict)


def metric_entry(entry: Any) -> dict[str, Any]:
    """``"name"`` or ``{name: args}`` as ``{"name": ..., "args": {...}}``; ValueError for any other shape."""
    if isinstance(entry, MetricSpec):
        return entry.model_dump()
    if isinstance(entry, str) and entry:
        return {"name": entry, "args": {}}
    if isinstance(entry, dict) and len(entry) == 1:
        (name, args), = entry.items()
        if isinstance(name, str) and (args is None or isinstance(args, dict)):
            return {"name": name, "args": args or {}}
    raise ValueError("expected a metric name, or a one-key mapping of a metric name to its arguments")


class SuiteSpec(_Strict):
    """A versioned evaluation task."""

    task: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    version: Annotated[int, Field(ge=1)]
    description: str = ""
    dataset: Annotated[
        str, Field(min_length=1, description=f"a JSONL path relative to the repository root, or {PIPELINE_EVAL_SPLIT!r}")
    ]
    prompt_template: Annotated[str, Field(min_length=1, description="{field} placeholders over the record's fields")]
    target: str | None = Field(None, description="the record field holding the reference (not for multiple_choice)")
    output_type: OutputType
    choices: str | None = Field(None, description="multiple_choice: the record field holding the list of choices")
    gold: str | None = Field(None, description="multiple_choice: the record field holding the gold index or choice")
    metrics: Annotated[list[MetricSpec], Field(min_length=1)]
    thresholds: dict[str, Threshold] = Field(default_factory=dict)
    margins: dict[str, Annotated[float, Field(ge=0.0)]] = Field(
        default_factory=dict,
        description="non-inferiority margins in the metric's units: the candidate may be worse than the champion "
                    "(the base model when there is none) by at most this much, with the stated confidence",
    )
    generation: Generation | None = None

    @field_validator("metrics", mode="before")
    @classmethod
    def _entries(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        out = []
        for entry in value:
            try:
                out.append(metric_entry(entry))
            except ValueError:
                out.append(entry)  # left for pydantic to report at its index
        return out

    @property
    def metric_names(self) -> list[str]:
        return [m.name for m in self.metrics]
