"""The anonymize stage's adapter: evidence, key handling, and failure behaviour."""
from __future__ import annotations

import json

import pytest

from pipelines.core.config import parse_config
from pipelines.core.errors import ConfigError, DataError
from stages import anonymize


def sample_rows(repo_root, n=40):
    return [json.loads(line) for line in (repo_root / "data/sample/records.jsonl").read_text().splitlines()[:n]]


def setup(tmp_path, rows, raw_bytes=None):
    raw = tmp_path / "data/raw.jsonl"
    raw.parent.mkdir(parents=True)
    if raw_bytes is not None:
        raw.write_bytes(raw_bytes)
    else:
        raw.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return parse_config({"data": {"raw": "data/raw.jsonl"}})


def test_writes_anonymized_records_and_counts_only(tmp_path, repo_root, monkeypatch):
    monkeypatch.setenv("RELEASE_GATE_ANON_KEY", "unit-test-key-0123456789")
    rows = sample_rows(repo_root)
    cfg = setup(tmp_path, rows)
    rec = anonymize.run_stage(cfg, tmp_path)
    assert rec.passed
    out = [json.loads(line) for line in (tmp_path / cfg.anonymize.output).read_text().splitlines()]
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    assert set(out[0]) == {"id", "split", "instruction", "response"}
    assert rec.details["key_source"] == "environment" and rec.details["development_key"] is False
    assert sum(rec.details["replaced"].values()) > 100
    written = (tmp_path / cfg.anonymize.evidence).read_text()
    assert "unit-test-key-0123456789" not in written
    assert rec.inputs["data/raw.jsonl"] and rec.outputs[cfg.anonymize.output]


def test_development_key_is_marked(tmp_path, repo_root, monkeypatch):
    monkeypatch.delenv("RELEASE_GATE_ANON_KEY", raising=False)
    cfg = setup(tmp_path, sample_rows(repo_root, 5))
    rec = anonymize.run_stage(cfg, tmp_path)
    assert rec.details["key_source"] == "development" and rec.details["development_key"] is True


def test_key_rotation_changes_the_dataset(tmp_path, repo_root, monkeypatch):
    cfg = setup(tmp_path, sample_rows(repo_root, 5))
    monkeypatch.setenv("RELEASE_GATE_ANON_KEY", "first-key-0123456789")
    a = anonymize.run_stage(cfg, tmp_path).outputs[cfg.anonymize.output]
    monkeypatch.setenv("RELEASE_GATE_ANON_KEY", "second-key-0123456789")
    b = anonymize.run_stage(cfg, tmp_path).outputs[cfg.anonymize.output]
    assert a != b


def test_short_key_is_refused_without_showing_it(tmp_path, repo_root, monkeypatch):
    monkeypatch.setenv("RELEASE_GATE_ANON_KEY", "short")
    cfg = setup(tmp_path, sample_rows(repo_root, 5))
    with pytest.raises(ConfigError) as e:
        anonymize.run_stage(cfg, tmp_path)
    assert "RELEASE_GATE_ANON_KEY" in str(e.value) and "short" not in str(e.value).replace("shorter", "")
    assert not (tmp_path / cfg.anonymize.output).exists()


def _row(**kw):
    base = {"id": "r1", "split": "train", "instruction": "Summarize this note about a cough.", "response": "Cough."}
    return {**base, **kw}


@pytest.mark.parametrize(
    "rows, raw_bytes, message",
    [
        ([{"id": "r1", "split": "train", "instruction": "x"}], None, "data/raw.jsonl:1: record lacks field(s) 'response'"),
        (None, b'{"id": "r1", "split": "train", "instruction": "caf\xe9", "response": "x"}\n', "data/raw.jsonl:1: not valid UTF-8"),
        (None, b"", "data/raw.jsonl: empty dataset"),
        ([_row(), _row(split="eval")], None, "data/raw.jsonl: record 2: duplicate id 'r1'"),
        ([_row(), _row(id="r2", split="test")], None, "split='test', expected 'train' or 'eval'"),
        ([_row(), _row(id="r2")], None, "no record has split='eval'"),
        ([_row(), _row(id="r2", split="eval", response=None)], None, "field 'response' must be a string"),
    ],
)
def test_bad_input_fails_clearly_and_leaves_nothing(tmp_path, rows, raw_bytes, message):
    cfg = setup(tmp_path, rows or [], raw_bytes)
    (tmp_path / "data/anonymized").mkdir(parents=True)
    (tmp_path / cfg.anonymize.output).write_text("stale output of an earlier run\n")
    with pytest.raises(DataError) as e:
        anonymize.run_stage(cfg, tmp_path)
    assert message in str(e.value)
    assert not (tmp_path / cfg.anonymize.output).exists()
    assert not (tmp_path / cfg.anonymize.evidence).exists()
    assert [p.name for p in (tmp_path / "data/anonymized").iterdir()] == []
