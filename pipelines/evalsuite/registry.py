"""The metric registry: names to implementations, imported only when used.

Each entry names its implementation as ``"module:function"``; the module (and
the library behind it: ``sacrebleu``, ``rouge_score``, ``jsonschema``) is
imported by :func:`compute` the first time the metric is computed, never when
this package is imported. Everything the suite loader needs to validate a
metric *before* any model is loaded -- its name, which output types it applies
to, its argument model -- lives here, in plain data.

Implementations take ``(inputs, args)`` and return ``(value, per_item)``:
``per_item`` has one score per item where that is meaningful, so a caller can
run paired statistics (:mod:`pipelines.evalstats`) on two models' scores.
"""
from __future__ import annotations

import difflib
import importlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "DEFAULT_REFUSAL_PHRASES", "Inputs", "MetricInfo", "MetricResult", "UnknownMetric",
    "compute", "did_you_mean", "get", "names", "validate_args",
]

OutputType = Literal["generate", "loglikelihood", "multiple_choice"]
Need = Literal["predictions", "references", "sources", "scores"]


class UnknownMetric(KeyError):
    """A metric name that is not registered; the message suggests the closest."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


@dataclass(frozen=True)
class MetricResult:
    """One metric over a set of items.

    ``value`` is the aggregate (for bleu and chrf the corpus-level score, for
    perplexity the token-weighted corpus perplexity; otherwise the mean of
    ``per_item``). ``per_item`` is aligned with the inputs, or None where a
    per-item score has no meaning.
    """

    name: str
    value: float
    per_item: list[float] | None
    n: int
    higher_is_better: bool = True


@dataclass(frozen=True)
class Inputs:
    """What a metric is computed from, aligned item by item.

    ``scores`` are ``(sum of log-likelihoods, token count)`` per item, as
    :func:`pipelines.lm.score` returns them.
    """

    predictions: Sequence[Any] | None = None
    references: Sequence[Any] | None = None
    sources: Sequence[str] | None = None
    scores: Sequence[tuple[float, int]] | None = None


# --- argument models: validated at suite load time, no heavy imports --------


class Args(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoArgs(Args):
    pass


class ExactMatchArgs(Args):
    ignore_case: bool = True
    ignore_punctuation: bool = True


class RougeArgs(Args):
    use_stemmer: bool = False


class BleuArgs(Args):
    tokenize: Literal["13a", "none", "intl", "char", "zh", "ja-mecab", "ko-mecab", "flores101", "flores200"] = "13a"
    lowercase: bool = False


class ChrfArgs(Args):
    char_order: int = Field(6, ge=1)
    word_order: int = Field(0, ge=0, description="2 gives chrF++")
    lowercase: bool = False


class JsonValidArgs(Args):
    schema_: dict[str, Any] = Field(alias="schema", description="a JSON Schema every output must validate against")
    strip_code_fence: bool = Field(True, description="accept output wrapped in one ``` / ```json fence")

    @field_validator("schema_")
    @classmethod
    def _is_schema(cls, schema: dict[str, Any]) -> dict[str, Any]:
        from jsonschema.exceptions import SchemaError
        from jsonschema.validators import validator_for

        try:
            validator_for(schema).check_schema(schema)
        except SchemaError as e:
            raise ValueError(f"not a valid JSON Schema: {e.message}") from None
        return schema


class GroundednessArgs(Args):
    source: str = Field(description="the dataset field holding the text answers must be grounded in")
    case_sensitive: bool = False


DEFAULT_REFUSAL_PHRASES = (
    "i can't", "i cannot", "i can not", "i won't", "i will not", "i'm not able to", "i am not able to",
    "i'm unable to", "i am unable to", "i must decline", "i'm sorry, but", "i am sorry, but",
    "cannot help with", "can't help with", "cannot assist with", "can't assist with", "not able to help with",
)


class RefusalArgs(Args):
    phrases: list[str] = Field(default_factory=lambda: list(DEFAULT_REFUSAL_PHRASES), min_length=1)

    @field_validator("phrases")
    @classmethod
    def _non_empty(cls, phrases: list[str]) -> list[str]:
        if any(not p.strip() for p in phrases):
            raise ValueError("phrases must not be empty strings")
        return phrases


# --- the registry -------------------------------------------------------------


@dataclass(frozen=True)
class MetricInfo:
    name: str
    implementation: str  # "module:function", imported on first use
    summary: str
    output_types: frozenset[str]
    needs: frozenset[str]
    args: type[Args] = NoArgs
    higher_is_better: bool = True


_GEN = frozenset({"generate"})
_PR = frozenset({"predictions", "references"})
_PKG = __name__.rsplit(".", 1)[0] + ".metrics"

_REGISTRY: dict[str, MetricInfo] = {
    m.name: m
    for m in (
        MetricInfo("exact_match", f"{_PKG}.text:exact_match", "1 where the normalised output equals the target",
                   _GEN, _PR, ExactMatchArgs),
        MetricInfo("accuracy", f"{_PKG}.text:accuracy", "1 where the chosen answer equals the gold answer",
                   frozenset({"multiple_choice"}), _PR),
        MetricInfo("rouge_l", f"{_PKG}.rouge:rouge_l", "ROUGE-L F-measure (rouge-score)", _GEN, _PR, RougeArgs),
        MetricInfo("bleu", f"{_PKG}.sacrebleu_metrics:bleu", "BLEU, 0-100 (sacrebleu; corpus aggregate, sentence per item)",
                   _GEN, _PR, BleuArgs),
        MetricInfo("chrf", f"{_PKG}.sacrebleu_metrics:chrf", "chrF, 0-100 (sacrebleu; corpus aggregate, sentence per item)",
                   _GEN, _PR, ChrfArgs),
        MetricInfo("json_valid", f"{_PKG}.json_schema:json_valid",
                   "share of outputs that parse as JSON and validate against the schema", _GEN,
                   frozenset({"predictions"}), JsonValidArgs),
        MetricInfo("groundedness", f"{_PKG}.text:groundedness",
                   "share of numbers and capitalised names in the output that occur in the source", _GEN,
                   frozenset({"predictions", "sources"}), GroundednessArgs),
        MetricInfo("refusal_rate", f"{_PKG}.text:refusal_rate", "share of outputs containing a refusal phrase", _GEN,
                   frozenset({"predictions"}), RefusalArgs),
        MetricInfo("perplexity", f"{_PKG}.likelihood:perplexity",
                   "exp of the mean negative log-likelihood per token of the target", frozenset({"loglikelihood"}),
                   frozenset({"scores"}), higher_is_better=False),
    )
}


def names() -> list[str]:
    return sorted(_REGISTRY)


def did_you_mean(name: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(sorted(candidates))}"


def get(name: str) -> MetricInfo:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownMetric(f"unknown metric {name!r}{did_you_mean(name, list(_REGISTRY))}") from None


def validate_args(name: str, args: Mapping[str, Any] | None) -> Args:
    """The metric's typed arguments; raises pydantic's ValidationError."""
    return get(name).args.model_validate(dict(args or {}))


def compute(
    name: str,
    predictions: Sequence[Any] | None = None,
    references: Sequence[Any] | None = None,
    *,
    sources: Sequence[str] | None = None,
    scores: Sequence[tuple[float, int]] | None = None,
    args: Mapping[str, Any] | Args | None = None,
) -> MetricResult:
    """Compute metric ``name`` over aligned items; imports its module on first use.

    Raises :class:`UnknownMetric` for an unregistered name and ``ValueError``
    for missing, empty or misaligned inputs or invalid ``args``.
    """
    info = get(name)
    inputs = Inputs(predictions, references, sources, scores)
    lengths = {}
    for need in sorted(info.needs):
        seq = getattr(inputs, need)
        if seq is None:
            raise ValueError(f"{name}: needs {need}")
        lengths[need] = len(seq)
    if len(set(lengths.values())) > 1:
        raise ValueError(f"{name}: inputs differ in length ({', '.join(f'{k}={v}' for k, v in lengths.items())})")
    n = next(iter(lengths.values()))
    if n == 0:
        raise ValueError(f"{name}: no items")
    if not isinstance(args, Args):
        try:
            args = validate_args(name, args)
        except ValidationError as e:
            raise ValueError(f"{name}: invalid args: {e}") from None
    module, _, func = info.implementation.partition(":")
    value, per_item = getattr(importlib.import_module(module), func)(inputs, args)
    if per_item is not None and len(per_item) != n:  # pragma: no cover - an implementation bug
        raise AssertionError(f"{name}: {len(per_item)} per-item scores for {n} items")
    return MetricResult(name, float(value), per_item, n, info.higher_is_better)


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)
