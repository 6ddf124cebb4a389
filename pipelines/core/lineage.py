"""The lineage digest: a candidate's identity across squash and rebase merges.

SHA-256 of the canonical form of the ``dvc.lock`` entries of every stage
before ``register``: their dependency and output md5s and their parameters.
register's own entry is left out (it names the version, which would make the
digest circular).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .digests import sha256_json
from .errors import EvidenceError


def lineage_digest(lock: dict[str, Any], stages: tuple[str, ...]) -> str:
    entries = (lock or {}).get("stages") or {}
    canon = {}
    for stage in stages:
        if stage not in entries:
            raise EvidenceError(f"dvc.lock has no entry for stage {stage!r}; run `dvc repro` first")
        e = entries[stage]
        canon[stage] = {
            "deps": sorted(((d["path"], d.get("md5")) for d in e.get("deps", [])), key=lambda x: x[0]),
            "outs": sorted(((o["path"], o.get("md5")) for o in e.get("outs", [])), key=lambda x: x[0]),
            "params": e.get("params", {}),
        }
    return sha256_json(canon)


def read_lock(path: Path) -> dict[str, Any]:
    import yaml

    if not path.is_file():
        raise EvidenceError(f"{path}: not found; expected the dvc.lock of a finished `dvc repro`")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (UnicodeDecodeError, yaml.YAMLError) as e:
        raise EvidenceError(f"{path}: not a readable dvc.lock ({e})") from None


def lock_outputs(lock: dict[str, Any]) -> dict[str, str]:
    """path -> md5 of every output that dvc.lock records."""
    out = {}
    for e in ((lock or {}).get("stages") or {}).values():
        for o in e.get("outs", []):
            out[o["path"]] = o.get("md5")
    return out
