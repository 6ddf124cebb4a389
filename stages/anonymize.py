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
    params=("data", "anonymize", "policy.max_residual"),
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


def engine_options(cfg: PipelineConfig):
    """The detector's options, from the config (typed once, at the boundary)."""
    from pipelines.pii import EngineOptions, NerOptions

    a = cfg.anonymize
    ner = NerOptions(backend=a.ner.backend, model=a.ner.model) if a.ner.enabled else None
    return EngineOptions(entities=tuple(a.entities), id_patterns=tuple(a.id_patterns), transforms=dict(a.transforms), ner=ner)


def anonymize_records(records: list[dict], cfg: PipelineConfig, key: bytes, mapping: dict | None = None) -> tuple[list[dict], Counter, Counter]:
    """The pure core: anonymized records (only the fields the pipeline uses),
    counts of replaced entities per type, and what the independent residual
    pass still finds in the output, per type."""
    from pipelines.pii import Anonymizer, residual_scan

    d, a = cfg.data, cfg.anonymize
    anon = Anonymizer(key, engine_options(cfg), mapping=mapping)
    counts: Counter = Counter()
    residual: Counter = Counter()
    out = []
    for r in records:
        subject = str(r[a.subject_field]) if a.subject_field and r.get(a.subject_field) is not None else None
        row = {d.id_field: r[d.id_field], d.split_field: r[d.split_field]}
        for f in d.text_fields:
            res = anon.anonymize(r[f], subject)
            counts.update(res.counts)
            residual.update(residual_scan(res.text))
            row[f] = res.text
        out.append(row)
    return out, counts, residual


def canary_survivors(cfg: PipelineConfig, key: bytes) -> tuple[int, int]:
    """Run known fake identifiers through the same detector, in sentences like
    the data's; return (planted, still present verbatim). They never reach the
    output data set."""
    from pipelines.pii import Anonymizer, make_canaries

    canaries = make_canaries(key, cfg.anonymize.canaries)
    anon = Anonymizer(key, engine_options(cfg))
    templates = {"EMAIL": "Patient can be reached at {} for results.", "PHONE": "Call back number: {}.",
                 "ID": "MRN {} verified at registration.", "CREDIT_CARD": "Paid copay with card {} today.",
                 "IBAN": "Refund to IBAN {} requested."}
    survived = 0
    for kind, value in canaries:
        if kind not in cfg.anonymize.entities:
            continue
        text = anon.anonymize(templates.get(kind, "Value: {}.").format(value)).text
        survived += value in text
    return len(canaries), survived


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
    mapping: dict | None = {} if cfg.anonymize.mapping_path else None
    if mapping is not None and not os.environ.get("RELEASE_GATE_MAPPING_KEY"):
        raise ConfigError("anonymize.mapping_path", ["an encrypted mapping needs a Fernet key in $RELEASE_GATE_MAPPING_KEY"])
    rows, counts, residual = anonymize_records(records, cfg, key, mapping)
    planted, survived = canary_survivors(cfg, key) if cfg.anonymize.canaries else (0, 0)
    write_jsonl(out_path, rows)
    if mapping is not None:
        from pipelines.pii.mapping import write_mapping

        write_mapping(resolve(root, cfg.anonymize.mapping_path), mapping, os.environ["RELEASE_GATE_MAPPING_KEY"].encode())
    residual_checks = []
    for t in sorted(set(cfg.anonymize.entities) | set(residual)):
        limit = cfg.policy.residual_limit(t)
        if limit is not None or residual.get(t):
            residual_checks.append(ev.Check(f"residual.{t}", residual.get(t, 0), "<=", limit) if limit is not None
                                   else ev.Check(f"residual.{t}", residual.get(t, 0), "info"))
    checks = [
        ev.Check("records_out_equals_in", len(rows), "==", len(records)),
        *residual_checks,
        ev.Check("canaries.survived", survived, "<=", 0),
        *[ev.Check(f"replaced.{t}", counts.get(t, 0), "info") for t in cfg.anonymize.entities],
    ]
    record = ev.build(
        "anonymize", checks, SPEC.inputs(cfg), SPEC.outputs(cfg), SPEC.config_digest(cfg), root, started,
        details={
            "records": len(rows),
            "replaced": dict(sorted(counts.items())),
            "residual_after": dict(sorted(residual.items())),
            "canaries_planted": planted,
            "key_source": key_source,
            "development_key": key_source == "development",
            "key_fingerprint": key_fingerprint(key),
            "mapping_written": mapping is not None,
        },
    )
    ev.write(evidence_path, record)
    progress("anonymize", f"replaced {sum(counts.values())} values: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))
    if not record.passed:
        remove_outputs(out_path)
        raise StageFailed("anonymize: " + "; ".join(record.failures()) + f" (see {cfg.anonymize.evidence})")
    return record
