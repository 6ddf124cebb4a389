"""Evidence records: what each stage checked, read and wrote.

Every stage writes one record (a JSON file that DVC tracks as a metrics file).
The records form a chain: a stage's ``inputs`` name the digests of files that
an earlier stage listed in its ``outputs``. ``chain_breaks`` finds every place
where the chain or the workspace disagrees with the records.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from .digests import path_md5, sha256_json
from .errors import EvidenceError
from .fileio import read_json, write_json

SCHEMA_VERSION = 1
Op = Literal["<=", ">=", "==", "<", ">", "info"]


@dataclass(frozen=True)
class Check:
    """One check: ``value OP threshold`` must hold (``info`` checks only record a value)."""

    name: str
    value: Any
    op: Op
    threshold: Any = None

    @property
    def passed(self) -> bool:
        if self.op == "info":
            return True
        if self.value is None:
            return False
        return {
            "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b,
            "<": lambda a, b: a < b, ">": lambda a, b: a > b,
        }[self.op](self.value, self.threshold)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "op": self.op, "threshold": self.threshold, "passed": self.passed}

    def describe(self) -> str:
        if self.op == "info":
            return f"{self.name} = {_fmt(self.value)}"
        return f"{self.name} = {_fmt(self.value)} (required {self.op} {_fmt(self.threshold)})"


def _fmt(v: Any) -> str:
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def code_version(root: Path) -> dict[str, Any]:
    """The git commit the code came from and whether the tree had local changes."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        pkg = version("release-gate")
    except PackageNotFoundError:
        pkg = "unknown"
    commit, dirty = "unknown", None
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True, timeout=10).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True, check=True, timeout=10
        ).stdout
        dirty = bool(status.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return {"git_commit": commit, "git_dirty": dirty, "package_version": pkg}


@dataclass
class Evidence:
    stage: str
    passed: bool
    checks: list[dict[str, Any]]
    inputs: dict[str, str]
    outputs: dict[str, str]
    config_digest: str
    code: dict[str, Any]
    started_at: str
    finished_at: str
    details: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    def failures(self) -> list[str]:
        return [f"{c['name']} = {c['value']} (required {c['op']} {c['threshold']})" for c in self.checks if not c["passed"]]

    def digest(self) -> str:
        return sha256_json(asdict(self))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def build(
    stage: str,
    checks: list[Check],
    inputs: dict[str, str | os.PathLike],
    outputs: dict[str, str | os.PathLike],
    config_digest: str,
    root: Path,
    started_at: str,
    details: dict[str, Any] | None = None,
) -> Evidence:
    """Digest the stage's inputs and outputs (DVC-compatible md5) and assemble the record."""

    def digests(paths: dict[str, str | os.PathLike]) -> dict[str, str]:
        return {str(Path(p).as_posix()): path_md5(root / p) for p in paths.values()}

    return Evidence(
        stage=stage,
        passed=all(c.passed for c in checks),
        checks=[c.as_dict() for c in checks],
        inputs=digests(inputs),
        outputs=digests(outputs),
        config_digest=config_digest,
        code=code_version(root),
        started_at=started_at,
        finished_at=now_utc(),
        details=details or {},
    )


def write(path: Path, evidence: Evidence) -> None:
    write_json(path, evidence.as_dict())


def load(path: Path) -> Evidence:
    raw = read_json(path, "evidence record")
    try:
        return Evidence(**raw)
    except TypeError as e:
        raise EvidenceError(f"{path}: malformed evidence record ({e})") from None


@dataclass(frozen=True)
class Link:
    """One stage's place in the chain, as ``release-gate status`` shows it."""

    stage: str
    present: bool
    passed: bool | None
    problems: list[str]
    evidence_digest: str | None = None


def chain(root: Path, evidence_paths: dict[str, str]) -> list[Link]:
    """Check, for each stage in order, that its evidence exists, that each input
    it names has the digest that the stage which produced it recorded, and that
    the workspace files still have the recorded digests."""
    produced: dict[str, tuple[str, str]] = {}  # path -> (digest, stage)
    links = []
    for stage, rel in evidence_paths.items():
        path = root / rel
        if not path.is_file():
            links.append(Link(stage, False, None, [f"evidence {rel} missing"]))
            continue
        try:
            ev = load(path)
        except Exception as e:  # malformed record: report, keep checking the rest
            links.append(Link(stage, False, None, [str(e)]))
            continue
        problems = []
        if ev.stage != stage:
            problems.append(f"{rel} is the record of stage {ev.stage!r}, expected {stage!r}")
        for p, d in ev.inputs.items():
            if p in produced and produced[p][0] != d:
                problems.append(f"input {p} has digest {d[:12]}, but {produced[p][1]} wrote {produced[p][0][:12]}")
        for p, d in ev.outputs.items():
            actual = path_md5(root / p) if (root / p).exists() else None
            if actual is None:
                problems.append(f"output {p} missing from the workspace")
            elif actual != d:
                problems.append(f"output {p} changed since the stage ran ({actual[:12]} != {d[:12]})")
            produced[p] = (d, stage)
        if not ev.passed:
            problems.extend(f"check failed: {f}" for f in ev.failures())
        links.append(Link(stage, True, ev.passed, problems, ev.digest()))
    return links
