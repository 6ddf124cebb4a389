"""The second labelled set (data/support_tickets): shape, sidecar consistency, check digits, determinism."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "support_tickets"
TYPES = {"PERSON", "EMAIL", "PHONE", "DATE", "AGE", "ADDRESS", "CITY", "STATE", "ZIP", "COUNTRY",
         "ORGANIZATION", "ID", "SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "NRP"}
FAKER_PIN = "40.63.0"  # keep in step with data/support_tickets/README.md


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def _luhn_ok(value: str) -> bool:
    digits = [int(c) for c in value if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(value: str) -> bool:
    s = value.replace(" ", "").upper()
    return s[:2].isalpha() and int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def test_tickets_have_exact_keys():
    tickets = _load("tickets.jsonl")
    assert len(tickets) >= 400
    assert len({t["id"] for t in tickets}) == len(tickets)
    for t in tickets:
        assert list(t) == ["id", "text"]
        assert isinstance(t["text"], str) and t["text"].strip()


def test_every_sidecar_span_is_consistent():
    tickets = _load("tickets.jsonl")
    spans = _load("pii_spans.jsonl")
    per_record = collections.defaultdict(list)
    for s in spans:
        assert list(s) == ["record", "field", "start", "end", "type"]
        assert isinstance(s["record"], int) and 0 <= s["record"] < len(tickets)
        assert s["field"] == "text"
        assert s["type"] in TYPES
        text = tickets[s["record"]]["text"]
        assert isinstance(s["start"], int) and isinstance(s["end"], int)
        assert 0 <= s["start"] < s["end"] <= len(text)
        value = text[s["start"]:s["end"]]
        assert value == value.strip(), f"span {s} has surrounding whitespace"
        if s["type"] == "CREDIT_CARD":
            assert 13 <= sum(c.isdigit() for c in value) <= 19 and _luhn_ok(value), s
        if s["type"] == "IBAN":
            assert _iban_ok(value), s
        if s["type"] == "EMAIL":
            assert value.count("@") == 1, s
        if s["type"] == "AGE":
            assert value.isdigit() and int(value) >= 90, s
        per_record[s["record"]].append((s["start"], s["end"]))
    for rec, ivs in per_record.items():
        ivs.sort()
        assert all(a[1] <= b[0] for a, b in zip(ivs, ivs[1:])), f"overlapping spans in record {rec}"
    assert sorted(per_record) == list(range(len(tickets))), "every ticket carries at least one span"
    counts = collections.Counter(s["type"] for s in spans)
    assert set(counts) == TYPES, f"types never used: {TYPES - set(counts)}"
    assert all(n >= 10 for n in counts.values()), counts


def test_sidecar_is_sorted_by_record_then_offset():
    spans = _load("pii_spans.jsonl")
    keys = [(s["record"], s["start"]) for s in spans]
    assert keys == sorted(keys)


def test_generator_is_deterministic(tmp_path):
    faker = pytest.importorskip("faker")
    if getattr(faker, "VERSION", None) != FAKER_PIN:
        pytest.skip(f"Faker {FAKER_PIN} is the pinned version; {getattr(faker, 'VERSION', '?')} is installed")
    for out in (tmp_path / "a", tmp_path / "b"):
        subprocess.run([sys.executable, str(DATA / "generate.py"), "--out", str(out)], check=True, cwd=tmp_path)
    for name in ("tickets.jsonl", "pii_spans.jsonl"):
        fresh = (tmp_path / "a" / name).read_bytes()
        assert fresh == (tmp_path / "b" / name).read_bytes(), f"two runs differ in {name}"
        assert fresh == (DATA / name).read_bytes(), f"committed {name} is not what generate.py writes"
