"""Stage ``anonymize``: replace personal data in the raw records with keyed surrogates.

Reads ``data.raw``; writes ``anonymize.output`` and the evidence. Each detected
value becomes a surrogate derived from the secret key by HMAC, so the same
person gets the same fake name across the whole dataset and context survives.
The key comes from the environment (``anonymize.key_env``); without it a
clearly marked development key is used and the evidence says so. Only counts
per entity type are recorded, never a value.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

from pipelines.core import evidence as ev
from pipelines.core.config import PipelineConfig
from pipelines.core.errors import ConfigError, DataError, StageFailed
from pipelines.core.fileio import read_jsonl, remove_outputs, write_jsonl
from pipelines.core.stage import StageSpec, progress, resolve

DEV_KEY = b"release-gate DEVELOPMENT key - not for production data"

SPEC = StageSpec(
    name="anonymize",
    params=("data", "anonymize"),
    code=("stages/anonymize.py", "pipelines/pii"),
    inputs=lambda c: {"raw": c.data.raw},
    outputs=lambda c: {"anonymized": c.anonymize.output},
    evidence=lambda c: c.anonymize.evidence,
)


MIN_KEY_BYTES = 16


def key_from_env(env_name: str, environ=os.environ) -> tuple[bytes, str]:
    """The HMAC key and where it came from; never logged, never written."""
    value = environ.get(env_name, "")
    if not value:
        return DEV_KEY, "development"
    key = value.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"${env_name}", [f"expected a secret of at least {MIN_KEY_BYTES} bytes, got {len(key)} bytes"])
    return key, "environment"


def key_fingerprint(key: bytes) -> str:
    """A short public identifier of the key (which key, not the key): rotating it shows."""
    return hashlib.sha256(b"release-gate key fingerprint\0" + key).hexdigest()[:16]


def check_records(records: list[dict], cfg: PipelineConfig, source: str) -> None:
    d = cfg.data
    seen: set[str] = set()
    for n, r in enumerate(records, 1):
        for f in d.text_fields:
            if not isinstance(r[f], str):
                raise DataError(f"{source}: record {n} ({d.id_field}={r[d.id_field]!r}): field {f!r} must be a string, got {type(r[f]).__name__}")
        if r[d.split_field] not in (d.train_split, d.eval_split):
            raise DataError(
                f"{source}: record {n} ({d.id_field}={r[d.id_field]!r}): {d.split_field}={r[d.split_field]!r}, expected {d.train_split!r} or {d.eval_split!r}"
            )
        rid = str(r[d.id_field])
        if rid in seen:
            raise DataError(f"{source}: record {n}: duplicate {d.id_field} {rid!r}; ids must be unique")
        seen.add(rid)
    splits = Counter(r[d.split_field] for r in records)
    for s in (d.train_split, d.eval_split):
        if not splits[s]:
            raise DataError(f"{source}: no record has {d.split_field}={s!r}; expected both a training and an evaluation split")


def anonymize_records(records: list[dict], cfg: PipelineConfig, key: bytes) -> tuple[list[dict], Counter, Counter]:
    """The pure core: anonymized records (only the fields the pipeline uses),
    counts of replaced entities per type, and residual high-risk matches per type."""
    import re

    from pipelines.pii import Pseudonymizer, RESIDUAL_PATTERNS, anonymize_text

    d = cfg.data
    pseudo = Pseudonymizer(key)
    counts: Counter = Counter()
    residual: Counter = Counter()
    patterns = {t: re.compile(p) for t, p in RESIDUAL_PATTERNS.items()}
    out = []
    for r in records:
        row = {d.id_field: r[d.id_field], d.split_field: r[d.split_field]}
        for f in d.text_fields:
            text, c = anonymize_text(r[f], pseudo, entities=cfg.anonymize.entities, id_patterns=cfg.anonymize.id_patterns)
            counts.update(c)
            for t, pat in patterns.items():
                residual[t] += len(pat.findall(text))
            row[f] = text
        out.append(row)
    return out, counts, residual


def run_stage(cfg: PipelineConfig, root: Path) -> ev.Evidence:
    started = ev.now_utc()
    out_path = resolve(root, cfg.anonymize.output)
    evidence_path = resolve(root, cfg.anonymize.evidence)
    remove_outputs(out_path, evidence_path)
    raw_path = resolve(root, cfg.data.raw)
    records = read_jsonl(raw_path, required=cfg.data.required_fields)
    check_records(records, cfg, cfg.data.raw)
    key, key_source = key_from_env(cfg.anonymize.key_env)
    if key_source == "development":
        progress("anonymize", f"WARNING: ${cfg.anonymize.key_env} is not set; using the DEVELOPMENT key (not for real data)")
    progress("anonymize", f"anonymizing {len(records)} records from {cfg.data.raw}")
    rows, counts, residual = anonymize_records(records, cfg, key)
    write_jsonl(out_path, rows)
    checks = [
        ev.Check("records_out_equals_in", len(rows), "==", len(records)),
        *[ev.Check(f"residual.{t}", n, "<=", 0) for t, n in sorted(residual.items())],
        *[ev.Check(f"replaced.{t}", counts.get(t, 0), "info") for t in cfg.anonymize.entities],
    ]
    record = ev.build(
        "anonymize", checks, SPEC.inputs(cfg), SPEC.outputs(cfg), SPEC.config_digest(cfg), root, started,
        details={
            "records": len(rows),
            "replaced": dict(sorted(counts.items())),
            "key_source": key_source,
            "development_key": key_source == "development",
            "key_fingerprint": key_fingerprint(key),
        },
    )
    ev.write(evidence_path, record)
    progress("anonymize", f"replaced {sum(counts.values())} values: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))
    if not record.passed:
        remove_outputs(out_path)
        raise StageFailed("anonymize: " + "; ".join(record.failures()) + f" (see {cfg.anonymize.evidence})")
    return record
