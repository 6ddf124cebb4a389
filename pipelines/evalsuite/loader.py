"""Load a suite file: merge its ``include:`` chain, validate it against the
registry and its dataset, and report every problem at once -- before any model
is loaded.

Each problem names the file that set the offending key (the suite itself or
the file it includes) and the key's dotted path, e.g.
``configs/eval/qa.yaml: metrics.1: unknown metric 'rouge'; did you mean 'rouge_l'?``.

``include:`` takes a path relative to the including file; the included file's
top-level keys are inherited and the including file's keys replace them whole
(a shallow merge, so an overriding ``thresholds:`` replaces all thresholds).
"""
from __future__ import annotations

import json
import os
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pipelines.core.config import format_errors
from pipelines.core.digests import file_md5, sha256_json
from pipelines.core.errors import ConfigError

from . import registry
from .registry import Args
from .spec import OUTPUT_TYPES, PIPELINE_EVAL_SPLIT, SuiteSpec, metric_entry

if TYPE_CHECKING:
    from pipelines.core.config import PipelineConfig

__all__ = [
    "DEFAULT_SUITE_DIR", "DatasetRef", "Problem", "SplitSource", "Suite", "SuiteError", "discover", "load_all", "load_suite",
    "suite_digest", "template_fields",
]

DEFAULT_SUITE_DIR = "configs/eval"
_KEYWORDS = (PIPELINE_EVAL_SPLIT,)


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


class SuiteError(ConfigError):
    """A suite file (or one it includes) is invalid; ``problems`` lists every problem found."""

    def __init__(self, path: str, problems: Sequence[Problem]):
        self.suite_problems = list(problems)
        # The suite file heads the message; a problem in an included file names that file.
        super().__init__(path, [f"{p.key}: {p.message}" if p.file == path else str(p) for p in problems])


@dataclass(frozen=True)
class SplitSource:
    """Where ``dataset: pipeline:eval_split`` points: one split of the anonymized records."""

    path: str
    split_field: str = "split"
    split: str = "eval"

    @classmethod
    def from_config(cls, cfg: PipelineConfig) -> SplitSource:
        return cls(cfg.anonymize.output, cfg.data.split_field, cfg.data.eval_split)


@dataclass(frozen=True)
class DatasetRef:
    """The data a suite ran on: file (relative to the root), its md5 (as DVC records it), the split taken."""

    path: str
    md5: str
    split: str | None = None
    split_field: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "md5": self.md5}
        if self.split is not None:
            out |= {"split_field": self.split_field, "split": self.split}
        return out


@dataclass(frozen=True)
class Suite:
    """A validated suite with its records loaded."""

    spec: SuiteSpec
    path: Path
    files: tuple[Path, ...]  # the suite file, then each file it includes, in order
    dataset: DatasetRef
    records: tuple[Mapping[str, Any], ...]
    metric_args: Mapping[str, Args] = field(default_factory=dict)

    @property
    def task(self) -> str:
        return self.spec.task

    @property
    def version(self) -> int:
        return self.spec.version

    def canonical(self) -> dict[str, Any]:
        """The resolved suite, with every metric's arguments including defaults."""
        body = self.spec.model_dump(mode="json", exclude={"metrics"})
        body["metrics"] = [
            {"name": m.name, "args": self.metric_args[m.name].model_dump(mode="json", by_alias=True)} for m in self.spec.metrics
        ]
        return body

    def digest(self) -> str:
        return suite_digest(self)

    def provenance(self) -> dict[str, Any]:
        """What to record with every result of this suite."""
        return {
            "task": self.task, "version": self.version, "suite_file": self.path.as_posix(), "suite_digest": self.digest(),
            "dataset": self.dataset.as_dict(), "n_items": len(self.records),
        }

    def higher_is_better(self, metric: str) -> bool:
        """The direction the suite's threshold implies (``min``: higher; ``max``: lower), else the metric's own."""
        t = self.spec.thresholds.get(metric)
        if t is not None and (t.min is None) != (t.max is None):
            return t.min is not None
        return registry.get(metric).higher_is_better


def suite_digest(suite: Suite) -> str:
    """SHA-256 of the canonical resolved suite and the dataset's md5 (and split)."""
    data = {k: v for k, v in suite.dataset.as_dict().items() if k != "path"}  # content, not location
    return sha256_json({"suite": suite.canonical(), "dataset": data})


def discover(directory: str | os.PathLike = DEFAULT_SUITE_DIR) -> list[Path]:
    """The suite files of a directory: ``*.yaml`` except ``_*.yaml`` (partial files meant for ``include:``)."""
    return sorted(p for p in Path(directory).glob("*.yaml") if not p.name.startswith("_"))


# --- loading ----------------------------------------------------------------------


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.origin: dict[str, str] = {}  # top-level key -> the file that set it
        self.default_file = ""
        self.files: list[Path] = []  # the suite file, then each file it includes

    def add(self, key: str, message: str, file: str | None = None) -> None:
        top = key.split(".", 1)[0]
        self.problems.append(Problem(file or self.origin.get(top, self.default_file), key, message))


def _display(path: Path) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _read_yaml(path: Path, out: _Collector, *, file: str) -> dict[str, Any] | None:
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        out.add("<file>", "file not found", file)
        return None
    except UnicodeDecodeError:
        out.add("<file>", "not valid UTF-8", file)
        return None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        out.add("<file>", f"{where}invalid YAML ({getattr(e, 'problem', None) or e})", file)
        return None
    if not isinstance(raw, dict):
        out.add("<root>", f"expected a mapping of suite keys, got {type(raw).__name__}", file)
        return None
    return raw


def _read_suite(path: Path) -> tuple[dict[str, Any], _Collector]:
    """The merged keys of the suite file at ``path`` and a collector for its problems (whose
    origin says which file set each key); raise :class:`SuiteError` when it cannot be read."""
    out = _Collector()
    out.default_file = _display(path)
    resolved = _resolve(path, [], out)
    if resolved is None:
        raise SuiteError(_display(path), out.problems)
    raw, out.origin = resolved
    return raw, out


def _resolve(path: Path, stack: list[tuple[Path, str]], out: _Collector) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The merged keys of ``path`` and its include chain, and which file set each key."""
    name = _display(path)
    raw = _read_yaml(path, out, file=name)
    if raw is None:
        return None
    out.files.append(path)
    include = raw.pop("include", None)
    own_origin = {k: name for k in raw}
    if include is None:
        return raw, own_origin
    if not isinstance(include, str) or not include:
        out.add("include", "expected the path of a suite file, relative to this one", name)
        return raw, own_origin
    target = path.parent / include
    chain = [*stack, (path.resolve(), name)]
    seen = [p for p, _ in chain]
    if target.resolve() in seen:
        loop = [n for _, n in chain[seen.index(target.resolve()):]] + [_display(target)]
        out.add("include", f"include cycle: {' -> '.join(loop)}", name)
        return raw, own_origin
    if not target.is_file():
        out.add("include", f"included file not found: {_display(target)}", name)
        return raw, own_origin
    parent = _resolve(target, chain, out)
    if parent is None:
        return raw, own_origin
    base, base_origin = parent
    return {**base, **raw}, {**base_origin, **own_origin}


def _structure(raw: dict[str, Any], out: _Collector) -> SuiteSpec | None:
    metrics = raw.get("metrics")
    shape_bad = False
    if isinstance(metrics, list):
        for i, entry in enumerate(metrics):
            try:
                metric_entry(entry)
            except ValueError as e:
                out.add(f"metrics.{i}", str(e))
                shape_bad = True
    try:
        return SuiteSpec.model_validate(raw)
    except ValidationError as e:
        for err, text in zip(e.errors(include_url=False), format_errors(e, SuiteSpec)):
            loc = err["loc"]
            if shape_bad and loc[:1] == ("metrics",):
                continue  # already reported above, in plainer words
            key, _, message = text.partition(": ")
            out.add(key, message)
        return None


def _metrics(raw: dict[str, Any], out: _Collector) -> dict[str, Args]:
    """Each well-formed metric entry checked against the registry; its typed arguments by name."""
    entries = raw.get("metrics")
    output_type = raw.get("output_type")
    typed: dict[str, Args] = {}
    seen: set[str] = set()
    if not isinstance(entries, list):
        return typed
    for i, entry in enumerate(entries):
        try:
            m = metric_entry(entry)
        except ValueError:
            continue
        name, key = m["name"], f"metrics.{i}"
        try:
            info = registry.get(name)
        except registry.UnknownMetric as e:
            out.add(key, str(e))
            continue
        if name in seen:
            out.add(key, f"metric {name!r} is listed twice")
            continue
        seen.add(name)
        if output_type in OUTPUT_TYPES and output_type not in info.output_types:
            out.add(key, f"metric {name!r} does not apply to output_type {output_type!r} "
                         f"(it applies to: {', '.join(sorted(info.output_types))})")
        try:
            typed[name] = registry.validate_args(name, m["args"])
        except ValidationError as e:
            for text in format_errors(e, info.args):
                sub, _, message = text.partition(": ")
                out.add(f"{key}.{name}.{sub}" if sub != "<root>" else f"{key}.{name}", message)
    listed = [metric_entry(e)["name"] for e in entries if _is_entry(e)]
    for section, what in (("thresholds", "a threshold"), ("margins", "a margin")):
        bounds = raw.get(section)
        if not isinstance(bounds, dict):
            continue
        for name in bounds:
            if name in listed:
                continue
            if name in registry.names():
                out.add(f"{section}.{name}", f"metric {name!r} has {what} but is not in this suite's metrics")
            else:
                known = [n for n in listed if n in registry.names()] or registry.names()
                out.add(f"{section}.{name}", f"unknown metric {name!r}{registry.did_you_mean(str(name), known)}")
    return typed


def _is_entry(entry: Any) -> bool:
    try:
        metric_entry(entry)
        return True
    except ValueError:
        return False


def _cross_fields(raw: dict[str, Any], out: _Collector) -> None:
    if raw.get("output_type") == "multiple_choice":
        for key in ("choices", "gold"):
            if raw.get(key) is None:
                out.add(key, f"required for output_type 'multiple_choice' (the record field holding the {key})",
                        out.origin.get("output_type"))
    elif raw.get("output_type") in OUTPUT_TYPES:
        if raw.get("target") is None:
            out.add("target", f"required for output_type {raw['output_type']!r} (the record field holding the reference)",
                    out.origin.get("output_type"))
        for key in ("choices", "gold"):
            if raw.get(key) is not None:
                out.add(key, "only for output_type 'multiple_choice'")


@dataclass
class _Data:
    ref: DatasetRef
    records: list[dict[str, Any]]
    lines: list[int]  # the file line of each record


def _read_jsonl(path: Path, shown: str, out: _Collector) -> tuple[list[dict[str, Any]], list[int]] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        out.add("dataset", f"{shown} is not valid UTF-8")
        return None
    records, lines, bad = [], [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            bad.append(f"line {n}: invalid JSON ({e.msg})")
            continue
        if not isinstance(rec, dict):
            bad.append(f"line {n}: expected a JSON object, got {type(rec).__name__}")
            continue
        records.append(rec)
        lines.append(n)
    if bad:
        more = f" (and {len(bad) - 3} more)" if len(bad) > 3 else ""
        out.add("dataset", f"{shown}: {'; '.join(bad[:3])}{more}")
        return None
    return records, lines


def _dataset(raw: dict[str, Any], root: Path, eval_split: SplitSource | None, out: _Collector) -> _Data | None:
    value = raw.get("dataset")
    if not isinstance(value, str) or not value:
        return None  # the structural check reports it
    split = None
    if value == PIPELINE_EVAL_SPLIT:
        if eval_split is None:
            out.add("dataset", f"{value!r} needs the pipeline's eval split; load the suite with "
                               "eval_split=SplitSource.from_config(config)")
            return None
        rel, split = eval_split.path, eval_split
    elif value.startswith("pipeline:"):
        out.add("dataset", f"unknown keyword {value!r}{registry.did_you_mean(value, list(_KEYWORDS))}")
        return None
    elif Path(value).is_absolute():
        out.add("dataset", f"expected a path relative to the repository root, got {value!r}")
        return None
    else:
        rel = value
    path = root / rel
    shown = Path(rel).as_posix()
    if not path.is_file():
        where = " (the pipeline's anonymized records: run the anonymize stage first)" if split else ""
        out.add("dataset", f"dataset file not found: {shown}{where}")
        return None
    read = _read_jsonl(path, shown, out)
    if read is None:
        return None
    records, lines = read
    if split is not None:
        kept = [(r, n) for r, n in zip(records, lines) if r.get(split.split_field) == split.split]
        records, lines = [r for r, _ in kept], [n for _, n in kept]
    if not records:
        what = f"no records with {split.split_field} == {split.split!r} in {shown}" if split else f"{shown} has no records"
        out.add("dataset", f"empty dataset: {what}")
        return None
    ref = DatasetRef(shown, file_md5(path), split.split if split else None, split.split_field if split else None)
    return _Data(ref, records, lines)


def _field_problem(name: str, data: _Data) -> str | None:
    """None when every record has field ``name``; otherwise what is wrong, with a suggestion."""
    missing = [n for r, n in zip(data.records, data.lines) if name not in r]
    if not missing:
        return None
    fields = sorted({k for r in data.records for k in r})
    if len(missing) == len(data.records):
        hint = registry.did_you_mean(name, fields).replace("; known:", "; dataset fields:")
        return f"field {name!r} is not in the dataset {data.ref.path}{hint}"
    return (f"field {name!r} is missing in {len(missing)} of {len(data.records)} records of {data.ref.path} "
            f"(first: line {missing[0]})")


def template_fields(template: str) -> list[str]:
    """The ``{field}`` names of a template; ValueError for a malformed template or a non-plain field."""
    names = []
    for _, field_name, _, _ in string.Formatter().parse(template):
        if field_name is None:
            continue
        if not field_name.isidentifier():
            raise ValueError(
                f"placeholder {{{field_name}}} is not a plain field name; use {{field}} with a dataset field "
                "(write {{ and }} for literal braces)"
            )
        names.append(field_name)
    return list(dict.fromkeys(names))


def _fields(raw: dict[str, Any], data: _Data, out: _Collector) -> None:
    template = raw.get("prompt_template")
    if isinstance(template, str):
        try:
            names = template_fields(template)
        except ValueError as e:
            out.add("prompt_template", f"invalid template: {e}")
            names = []
        for name in names:
            if (p := _field_problem(name, data)) is not None:
                out.add("prompt_template", f"template references {{{name}}}, but {p}")
    mc = raw.get("output_type") == "multiple_choice"
    for key in (("choices", "gold") if mc else ("target",)):
        name = raw.get(key)
        if isinstance(name, str) and (p := _field_problem(name, data)) is not None:
            out.add(key, f"{'target column' if key == 'target' else key + ' column'}: {p}")
    if mc and isinstance(raw.get("choices"), str) and isinstance(raw.get("gold"), str):
        _check_choices(raw["choices"], raw["gold"], data, out)
    entries = raw.get("metrics") if isinstance(raw.get("metrics"), list) else []
    for i, entry in enumerate(entries):
        if _is_entry(entry):
            m = metric_entry(entry)
            source = m["args"].get("source") if m["name"] == "groundedness" else None
            if isinstance(source, str) and (p := _field_problem(source, data)) is not None:
                out.add(f"metrics.{i}.groundedness.source", p)


def _check_choices(choices: str, gold: str, data: _Data, out: _Collector) -> None:
    for rec, line in zip(data.records, data.lines):
        if choices not in rec or gold not in rec:
            return  # reported as a missing column
        opts, g = rec[choices], rec[gold]
        if not (isinstance(opts, list) and len(opts) >= 2 and all(isinstance(o, str) for o in opts)):
            out.add("choices", f"field {choices!r} must hold a list of at least two strings (line {line} of {data.ref.path})")
            return
        ok = (isinstance(g, int) and not isinstance(g, bool) and 0 <= g < len(opts)) or (isinstance(g, str) and g in opts)
        if not ok:
            out.add("gold", f"field {gold!r} must be an index into {choices!r} or one of its strings, "
                            f"got {g!r} (line {line} of {data.ref.path})")
            return


def load_all(paths: Sequence[str], section: str, load: Callable[[str], Any]) -> list[tuple[int, Any]]:
    """Each of ``paths`` loaded with ``load`` (a function of one path that raises
    :class:`ConfigError`), as ``(index, suite)``; one :class:`ConfigError` naming
    ``section`` that lists the problems of every file and any task run twice."""
    loaded: list[tuple[int, Any]] = []
    problems: list[str] = []
    tasks: dict[str, str] = {}
    for i, rel in enumerate(paths):
        try:
            suite = load(rel)
        except ConfigError as e:
            problems += [f"{e.path}: {p}" for p in e.problems]
            continue
        if suite.task in tasks:
            problems.append(f"{section}[{i}]: task {suite.task!r} is already run by {tasks[suite.task]}")
            continue
        tasks[suite.task] = rel
        loaded.append((i, suite))
    if problems:
        raise ConfigError(section, problems)
    return loaded


def load_suite(
    path: str | os.PathLike, *, root: str | os.PathLike = ".", eval_split: SplitSource | None = None
) -> Suite:
    """Read, merge, validate and load the suite at ``path``; raise :class:`SuiteError` listing every problem.

    ``root`` is the repository root that dataset paths are relative to;
    ``eval_split`` says where ``dataset: pipeline:eval_split`` points.
    """
    path = Path(path)
    raw, out = _read_suite(path)
    spec = _structure(raw, out)
    metric_args = _metrics(raw, out)
    _cross_fields(raw, out)
    data = _dataset(raw, Path(root), eval_split, out)
    if data is not None:
        _fields(raw, data, out)
    if out.problems or spec is None or data is None:
        raise SuiteError(_display(path), out.problems)
    return Suite(spec, path, tuple(out.files), data.ref, tuple(data.records), metric_args)
