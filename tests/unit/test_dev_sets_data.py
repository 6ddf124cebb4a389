"""The development sets (data/dev_clinical, data/dev_finance_hr, data/dev_customer, data/dev_identity):
shape, sidecar consistency, determinism."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETS = {"dev_clinical": "clin", "dev_finance_hr": "fin", "dev_customer": "cust", "dev_identity": "idn"}
# the types each set was written to probe, and how many spans of each it has at least
PROBED = {"dev_clinical": {"PERSON": 1000, "ID": 500}, "dev_finance_hr": {"PERSON": 1000, "ID": 500},
          "dev_customer": {"ID": 900}, "dev_identity": {"ID": 900}}
TYPES = {"PERSON", "EMAIL", "PHONE", "DATE", "AGE", "ADDRESS", "CITY", "STATE", "ZIP", "COUNTRY",
         "ORGANIZATION", "ID", "SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "NRP"}
FAKER_PIN = "40.63.0"  # keep in step with the sets' README.md


def _load(folder: str, name: str) -> list[dict]:
    return [json.loads(line) for line in (ROOT / "data" / folder / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("folder", sorted(SETS))
def test_records_and_spans_are_consistent(folder):
    records = _load(folder, "records.jsonl")
    assert len(records) >= 300
    assert [r["id"] for r in records] == [f"{SETS[folder]}-{i:04d}" for i in range(1, len(records) + 1)]
    per_record = collections.defaultdict(list)
    for s in _load(folder, "pii_spans.jsonl"):
        assert list(s) == ["record", "field", "start", "end", "type"]
        assert s["field"] == "text" and s["type"] in TYPES
        text = records[s["record"]]["text"]
        assert 0 <= s["start"] < s["end"] <= len(text)
        value = text[s["start"]:s["end"]]
        assert value == value.strip(), (folder, s)
        per_record[s["record"]].append((s["start"], s["end"]))
    for spans in per_record.values():
        assert spans == sorted(spans)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), "spans overlap or touch"
    types = collections.Counter(s["type"] for s in _load(folder, "pii_spans.jsonl"))
    assert all(types[t] >= n for t, n in PROBED[folder].items()), types


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(SETS))
def test_generator_reproduces_the_committed_files(folder, tmp_path):
    faker = pytest.importorskip("faker")
    from importlib.metadata import version

    if version("Faker") != FAKER_PIN:
        pytest.skip(f"the committed files were made with Faker {FAKER_PIN}, not {version('Faker')}")
    del faker
    subprocess.run([sys.executable, str(ROOT / "data" / folder / "generate.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True, timeout=300)
    for name in ("records.jsonl", "pii_spans.jsonl"):
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / folder / name).read_bytes(), name
