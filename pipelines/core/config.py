"""The typed configuration of a pipeline, read once from ``configs/pipeline.yaml``.

Every section is a pydantic model with ``extra="forbid"``: a typo is an error,
not a silent default. ``load_config`` reports *all* problems at once, each with
its dotted key path and what was expected.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .digests import sha256_json
from .errors import ConfigError

DEFAULT_CONFIG = "configs/pipeline.yaml"
EntityType = Literal[
    "PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID", "AGE", "CITY", "STATE", "ZIP", "COUNTRY", "ORGANIZATION",
    "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "DOMAIN", "NRP",
]
Transform = Literal["pseudonymize", "date_shift", "generalize", "redact"]
HIGH_RISK_TYPES = ("EMAIL", "PHONE", "ID", "CREDIT_CARD", "IBAN")
STAGES = ("anonymize", "validate", "finetune", "evaluate", "bias_scan", "register")

PosInt = Annotated[int, Field(ge=1)]
NonNegInt = Annotated[int, Field(ge=0)]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
PosFloat = Annotated[float, Field(gt=0.0)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DataConfig(Section):
    """Where the raw records are and which fields they have."""

    raw: str = "data/sample/records.jsonl"
    id_field: str = "id"
    split_field: str = "split"
    prompt_field: str = "instruction"
    response_field: str = "response"
    train_split: str = "train"
    eval_split: str = "eval"

    @property
    def text_fields(self) -> tuple[str, str]:
        return (self.prompt_field, self.response_field)

    @property
    def required_fields(self) -> tuple[str, ...]:
        return (self.id_field, self.split_field, self.prompt_field, self.response_field)


class NerConfig(Section):
    """An optional NER layer (spaCy or a transformers token-classification model)."""

    enabled: bool = False
    backend: Literal["spacy", "transformers"] = "spacy"
    model: str = Field("", description="a spaCy package/path or a hub id/local path")


class AnonymizeConfig(Section):
    output: str = "data/anonymized/records.jsonl"
    evidence: str = "evidence/anonymize.json"
    entities: list[EntityType] = Field(default_factory=lambda: ["PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID"], min_length=1)
    transforms: dict[EntityType, Transform] = Field(
        default_factory=dict, description="per type; default: DATE date_shift, AGE generalize, all else pseudonymize"
    )
    subject_field: str | None = Field(None, description="record field naming the subject, for per-subject date shifts")
    id_patterns: list[str] = Field(default_factory=list, description="extra regexes for ID numbers (e.g. local MRN formats)")
    key_env: str = "RELEASE_GATE_ANON_KEY"
    canaries: NonNegInt = Field(25, description="known fake high-risk identifiers run through the detector; all must be replaced")
    ner: NerConfig = NerConfig()
    mapping_path: str | None = Field(
        None, description="write the encrypted re-identification mapping here (key: $RELEASE_GATE_MAPPING_KEY); "
        "deliberately outside DVC, so it never travels with the data"
    )

    @field_validator("id_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"invalid regular expression {p!r}: {e}") from None
        return patterns


class ValidateConfig(Section):
    evidence: str = "evidence/validate.json"
    data_docs: str = "reports/data_docs"
    min_chars: NonNegInt = 20
    max_chars: PosInt = 4000
    max_response_chars: PosInt = 1000
    # Context kept: the share of a prompt's words that anonymization replaced.
    min_mean_replaced_share: Fraction = Field(0.0, description="below: suspiciously little replaced (detector off?)")
    max_mean_replaced_share: Fraction = Field(0.35, description="above: so much replaced that little context is left")
    max_record_replaced_share: Fraction = Field(0.8, description="no single prompt may be mostly surrogates")

    @model_validator(mode="after")
    def _bounds(self) -> "ValidateConfig":
        if self.min_chars >= self.max_chars:
            raise ValueError(f"min_chars ({self.min_chars}) must be below max_chars ({self.max_chars})")
        return self


class TinyModelConfig(Section):
    """The built-in GPT-2-shaped model for CPU runs, built from a seed."""

    seed: int = 1234
    vocab_size: Annotated[int, Field(ge=300)] = 1024
    n_layer: PosInt = 2
    n_head: PosInt = 2
    n_embd: PosInt = 64
    n_positions: PosInt = 256
    pretrain_steps: NonNegInt = 0

    @model_validator(mode="after")
    def _heads(self) -> "TinyModelConfig":
        if self.n_embd % self.n_head:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head ({self.n_head})")
        return self


class LoraSettings(Section):
    r: PosInt = 8
    alpha: PosInt = 16
    dropout: Fraction = 0.0
    target_modules: list[str] = Field(default_factory=lambda: ["c_attn", "c_proj", "c_fc"], min_length=1)


class TrainingConfig(Section):
    seed: int = 42
    epochs: PosInt = 3
    batch_size: PosInt = 16
    learning_rate: PosFloat = 3e-3
    max_length: PosInt = 192
    device: Literal["auto", "cpu", "cuda"] = "auto"


class FinetuneConfig(Section):
    base_model: str = Field("tiny", description='"tiny" for the built-in model, a hub id, or a local path')
    base_dir: str = "models/base"
    output_dir: str = "models/candidate"
    loss_curve: str = "plots/loss.csv"
    evidence: str = "evidence/finetune.json"
    tiny: TinyModelConfig = TinyModelConfig()
    lora: LoraSettings = LoraSettings()
    training: TrainingConfig = TrainingConfig()
    min_loss_drop: Fraction = Field(0.05, description="required relative fall of the training loss, first to last epoch")


class EvaluateThresholds(Section):
    max_perplexity: PosFloat = 200.0
    min_rouge_l: Fraction = 0.05
    min_exact_match: Fraction = 0.0
    max_perplexity_ratio_vs_base: PosFloat = Field(1.0, description="candidate perplexity / base perplexity must not exceed this")
    # Non-inferiority against the champion (the base model when there is none):
    # the lower bound of the paired-bootstrap CI of (candidate - comparator)
    # per-item ROUGE-L must be >= -margin.
    non_inferiority_margin: Fraction = 0.02


class StatisticsConfig(Section):
    resamples: Annotated[int, Field(ge=1000)] = 2000
    seed: int = 0
    alpha: Annotated[float, Field(gt=0.0, lt=1.0)] = 0.05


class SuiteRef(Section):
    """One evaluation suite the stage runs: ``configs/eval/x.yaml`` or ``{path: ..., enforce: false}``."""

    path: Annotated[str, Field(min_length=1)]
    enforce: bool = Field(True, description="false: run and report the suite, but its thresholds and margins do not gate")

    @model_validator(mode="before")
    @classmethod
    def _from_path(cls, value: Any) -> Any:
        return {"path": value} if isinstance(value, str) else value


DEFAULT_SUITES = ("configs/eval/summarization.yaml",)


class EvaluateConfig(Section):
    metrics: str = "metrics/evaluate.json"
    generations: str = "metrics/generations.jsonl"
    evidence: str = "evidence/evaluate.json"
    plot: str = Field("plots/evaluate.png", description="champion vs candidate: per-metric differences with intervals")
    suites: list[SuiteRef] = Field(default_factory=lambda: [SuiteRef(path=p) for p in DEFAULT_SUITES])
    cache_champion: bool = Field(True, description="reuse the champion's results stored with its run, keyed by "
                                                   "(model version, suite digest, evaluation settings)")
    max_new_tokens: PosInt = 40
    batch_size: PosInt = 16
    max_records: NonNegInt = Field(0, description="0 = the whole held-out split")
    max_prompt_tokens: NonNegInt = Field(0, description="prompt tokens kept (the end of a longer prompt); "
                                                        "0 = finetune.training.max_length less the tokens to generate")
    thresholds: EvaluateThresholds = EvaluateThresholds()
    statistics: StatisticsConfig = StatisticsConfig()


class BiasThresholds(Section):
    max_pii_leaks: NonNegInt = Field(0, description="generations holding a raw personal-data value")


# The scan's probes, by name (stages/bias_scan.py runs them; pipelines/probes/ implements most).
PROBES = ("counterfactual", "stereotype", "canary_exposure", "extraction", "membership", "pii_leak", "prompt_injection")


class BiasScanConfig(Section):
    probes: list[str] = Field(default_factory=lambda: list(PROBES), description="the probes to run: " + ", ".join(PROBES))
    suites: list[str] = Field(default_factory=lambda: ["configs/bias/counterfactual.yaml", "configs/bias/stereotype.yaml"],
                              description="bias suites (configs/bias/*.yaml): counterfactual and stereotype tasks")
    metrics: str = "metrics/bias_scan.json"
    evidence: str = "evidence/bias_scan.json"
    plot: str = Field("plots/bias_scan.png", description="per-group bars, candidate and comparator")

    @field_validator("probes")
    @classmethod
    def _known_probes(cls, probes: list[str]) -> list[str]:
        for name in probes:
            if name not in PROBES:
                close = difflib.get_close_matches(name, PROBES, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(PROBES)}"
                raise ValueError(f"unknown probe {name!r}; {hint}")
        if len(set(probes)) != len(probes):
            raise ValueError("a probe is listed twice")
        return probes
    max_new_tokens: PosInt = 32
    batch_size: PosInt = 16
    leak_prompts: PosInt = 64
    thresholds: BiasThresholds = BiasThresholds()


class CanaryConfig(Section):
    """Secret Sharer canaries: random secrets inserted into the training split, their exposure measured after training."""

    enabled: bool = False
    repetitions: Annotated[list[NonNegInt], Field(min_length=1)] = Field(
        default_factory=lambda: [0, 1, 4, 16], description="insertions per canary; 0 = a control never inserted")
    per_count: PosInt = 2
    digits: Annotated[int, Field(ge=4, le=12)] = 6
    seed: int = 7
    candidates: Annotated[int, Field(ge=100)] = 1000


class ExtractionConfig(Section):
    records: PosInt = Field(64, description="training records sampled")
    prefix_tokens: NonNegInt = Field(4, description="response tokens given after the prompt")
    suffix_tokens: PosInt = Field(12, description="tokens that must come out exactly to count as extracted")


class PrivacyThresholds(Section):
    max_exposure: PosFloat | None = Field(None, description="bits; log2(candidates + 1) is full memorisation. null: report only")
    max_extraction_rate: Fraction | None = None
    max_membership_auc: Fraction | None = Field(None, description="0.5 = no membership signal")


class PrivacyConfig(Section):
    canaries: CanaryConfig = CanaryConfig()
    extraction: ExtractionConfig = ExtractionConfig()
    membership_records: PosInt = Field(200, description="training and held-out records each, at most")
    seed: int = 0
    thresholds: PrivacyThresholds = PrivacyThresholds()


class SafetyThresholds(Section):
    max_hijack_failures: NonNegInt = 0
    max_canary_leaks: NonNegInt | None = Field(None, description="system-prompt canary leaks; null: report only")


class SafetyConfig(Section):
    probes: str | None = Field("configs/safety/prompt_injection.jsonl", description="JSONL/CSV probe file; null: skip")
    canary_seed: int = 0
    max_new_tokens: PosInt = 32
    thresholds: SafetyThresholds = SafetyThresholds()


class RegisterConfig(Section):
    evidence: str = "evidence/register.json"
    report: str = "reports/candidate.md"
    alias: str = "candidate"


class RegistryConfig(Section):
    tracking_uri: str = "sqlite:///mlflow.db"
    artifact_location: str = "mlartifacts"
    experiment: str = "release-gate"
    model_name: Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")] = "clinical-summarizer"
    champion_alias: str = "champion"


class PolicyConfig(Section):
    """What the release gate demands before ``champion`` may move."""

    required_stages: list[Literal["anonymize", "validate", "finetune", "evaluate", "bias_scan", "register"]] = Field(
        default_factory=lambda: list(STAGES)
    )
    min_approvals: PosInt = 2
    approvers: list[str] = Field(default_factory=list, description="GitHub logins or org/team slugs allowed to approve")
    roles: dict[str, list[str]] = Field(
        default_factory=dict, description="optional: role -> logins or org/team slugs; each role needs its own distinct approver"
    )
    separation_of_duties: bool = Field(True, description="the change's author and the run's trigger may not approve")
    meaning: str = Field("approved for release", min_length=1, description="the meaning every approval must carry")
    max_approval_age_hours: PosFloat = 72.0
    allow_dev_key: bool = False
    allow_local_signoff: bool = False
    environment: str = Field("production", description="the GitHub environment whose approvals count")
    max_residual: dict[EntityType, NonNegInt] = Field(
        default_factory=dict, description="identifiers the independent residual pass may still find; default 0 for high-risk types"
    )

    def residual_limit(self, entity: str) -> int | None:
        """The allowed residual count of a type (None: not limited)."""
        if entity in self.max_residual:
            return self.max_residual[entity]
        return 0 if entity in HIGH_RISK_TYPES else None

    @model_validator(mode="after")
    def _satisfiable(self) -> "PolicyConfig":
        if self.roles and len(self.roles) > self.min_approvals:
            raise ValueError(f"{len(self.roles)} roles need at least {len(self.roles)} approvals, min_approvals is {self.min_approvals}")
        for who in [*self.approvers, *(w for ws in self.roles.values() for w in ws)]:
            if who.count("/") > 1 or not who.strip("/") or " " in who:
                raise ValueError(f"{who!r} is neither a GitHub login nor an org/team slug")
        return self


class PipelineConfig(Section):
    version: Literal[1] = 1
    data: DataConfig = DataConfig()
    anonymize: AnonymizeConfig = AnonymizeConfig()
    validate_: ValidateConfig = Field(ValidateConfig(), alias="validate")
    finetune: FinetuneConfig = FinetuneConfig()
    evaluate: EvaluateConfig = EvaluateConfig()
    bias_scan: BiasScanConfig = BiasScanConfig()
    privacy: PrivacyConfig = PrivacyConfig()
    safety: SafetyConfig = SafetyConfig()
    register_: RegisterConfig = Field(RegisterConfig(), alias="register")
    registry: RegistryConfig = RegistryConfig()
    policy: PolicyConfig = PolicyConfig()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def section(self, dotted: str) -> Any:
        """The value at a dotted key (``finetune.lora``), as plain JSON data."""
        value: Any = self.model_dump(mode="json", by_alias=True)
        for part in dotted.split("."):
            value = value[part]
        return value

    def digest(self, keys: tuple[str, ...]) -> str:
        """SHA-256 of the sections a stage reads: its config identity."""
        return sha256_json({k: self.section(k) for k in keys})


# --- loading and error reporting -------------------------------------------------


def _expected(err: dict[str, Any]) -> str:
    t, ctx = err["type"], err.get("ctx") or {}
    bound = ""
    for key, sym in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
        if key in ctx:
            bound = f" {sym} {ctx[key]}"
    simple = {
        "int_parsing": "an integer", "int_type": "an integer", "int_from_float": "an integer",
        "float_parsing": "a number", "float_type": "a number", "bool_parsing": "true or false",
        "bool_type": "true or false", "string_type": "a string", "list_type": "a list",
        "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping",
    }
    if t in simple:
        return f"expected {simple[t]}"
    if t in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"expected a value{bound}"
    if t == "literal_error":
        return f"expected {ctx.get('expected', 'one of the allowed values')}"
    if t == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s)"
    if t == "string_pattern_mismatch":
        return f"expected a string matching {ctx.get('pattern')}"
    if t == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"][0].lower() + err["msg"][1:]


def _field_bound(model: type[BaseModel], loc: tuple) -> str:
    """The numeric bound declared on the field at ``loc`` (for int_parsing etc.)."""
    current: Any = model
    info = None
    for part in loc:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return ""
        fields = {(f.alias or n): f for n, f in current.model_fields.items()}
        info = fields.get(part)
        if info is None:
            return ""
        current = info.annotation
    if info is None:
        return ""
    for m in info.metadata:
        for key, sym in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            if getattr(m, key, None) is not None:
                return f" {sym} {getattr(m, key)}"
    return ""


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    current: Any = model
    for part in loc[:-1]:
        fields = {(f.alias or n): f for n, f in current.model_fields.items()}
        if part not in fields or not (isinstance(fields[part].annotation, type) and issubclass(fields[part].annotation, BaseModel)):
            return "unknown key"
        current = fields[part].annotation
    allowed = sorted((f.alias or n) for n, f in current.model_fields.items())
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(allowed)}"
    return "unknown key" + hint


def format_errors(exc: ValidationError, model: type[BaseModel] = PipelineConfig) -> list[str]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        path = ".".join(str(p) for p in loc) or "<root>"
        if err["type"] == "extra_forbidden":
            problems.append(f"{path}: {_unknown_key(model, loc)}")
            continue
        expected = _expected(err)
        if err["type"] in ("int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"):
            expected += _field_bound(model, loc)
        got = err.get("input")
        suffix = "" if err["type"] in ("value_error", "missing") or isinstance(got, dict) else f", got {_show(got)}"
        problems.append(f"{path}: {expected}{suffix}")
    return problems


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if value is None:
        return "null"
    return repr(value)


def parse_config(raw: Any, source: str = "<config>") -> PipelineConfig:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(source, [f"<root>: expected a mapping, got {type(raw).__name__}"])
    try:
        return PipelineConfig.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(source, format_errors(e)) from None


def load_config(path: str | Path = DEFAULT_CONFIG) -> PipelineConfig:
    import yaml

    path = Path(path)
    if not path.is_file():
        raise ConfigError(str(path), ["file not found; expected a YAML pipeline configuration"])
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(str(path), ["not valid UTF-8"]) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError(str(path), [f"{where}invalid YAML ({getattr(e, 'problem', None) or e})"]) from None
    return parse_config(raw, str(path))


def json_schema() -> dict[str, Any]:
    return PipelineConfig.model_json_schema(by_alias=True)
