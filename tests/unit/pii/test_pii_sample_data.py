"""The bundled synthetic sample: record shape, sidecar consistency, generator determinism."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "data" / "sample"
TYPES = {"PERSON", "EMAIL", "PHONE", "DATE", "ADDRESS", "ID"}
FAKER_PIN = "40.63.0"  # keep in step with data/sample/README.md


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (SAMPLE / name).read_text(encoding="utf-8").splitlines()]


def test_records_have_exact_keys_and_splits():
    records = _load("records.jsonl")
    assert len(records) == 600
    assert len({r["id"] for r in records}) == 600
    for r in records:
        assert list(r) == ["id", "split", "instruction", "response"]
        assert r["split"] in {"train", "eval"}
        assert r["instruction"].startswith("Summarize the following clinic visit note.\n\n")
        assert all(isinstance(r[k], str) and r[k] for k in ("instruction", "response"))
    n_eval = sum(r["split"] == "eval" for r in records)
    assert 0.10 <= n_eval / len(records) <= 0.20


def test_every_sidecar_span_is_consistent():
    records = {r["id"]: r for r in _load("records.jsonl")}
    spans = _load("pii_spans.jsonl")
    per_field = collections.defaultdict(list)
    for s in spans:
        assert set(s) == {"record", "field", "start", "end", "type"}
        assert s["record"] in records
        assert s["field"] in {"instruction", "response"}
        assert s["type"] in TYPES
        text = records[s["record"]][s["field"]]
        assert 0 <= s["start"] < s["end"] <= len(text)
        value = text[s["start"]:s["end"]]
        assert value == value.strip(), f"span {s} has surrounding whitespace"
        per_field[(s["record"], s["field"])].append((s["start"], s["end"]))
    for key, ivs in per_field.items():
        ivs.sort()
        assert all(a[1] <= b[0] for a, b in zip(ivs, ivs[1:])), f"overlapping spans in {key}"
    # every record carries several entities and every type is represented
    per_record = collections.Counter(s["record"] for s in spans)
    assert min(per_record[r] for r in records) >= 4
    assert {s["type"] for s in spans} == TYPES


def test_generator_is_deterministic(tmp_path):
    pytest.importorskip("faker")
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(SAMPLE / "generate.py"), "--out", str(out)], check=True, timeout=60)
        outs.append({f: (out / f).read_bytes() for f in ("records.jsonl", "pii_spans.jsonl")})
    assert outs[0] == outs[1]
    import faker

    if faker.VERSION == FAKER_PIN:  # the committed files are exactly what the script writes
        for f, data in outs[0].items():
            assert (SAMPLE / f).read_bytes() == data, f"{f} is stale: rerun data/sample/generate.py"
