"""Anonymizing any file: formats, spans, parallelism, bad input, the mapping."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines import anonfile
from pipelines.cli import main
from pipelines.core.errors import ConfigError, DataError

KEY = b"unit-test-key-0123456789abcdef"


def sample(repo_root, n=60):
    return [json.loads(line) for line in (repo_root / "data/sample/records.jsonl").read_text().splitlines()[:n]]


def write_jsonl(path: Path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def job(**kw):
    base = dict(text_fields=("instruction", "response"), fmt="jsonl", chunk_records=16)
    base.update(kw)
    return anonfile.Job(**base)


def test_jsonl_spans_point_into_the_original_text(tmp_path, repo_root):
    rows = sample(repo_root)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = anonfile.anonymize_file(src, tmp_path / "out.jsonl", KEY, job(), spans_path=tmp_path / "spans.jsonl")
    assert out.records_in == out.records_out == len(rows) and sum(out.replaced.values()) > 100
    anon = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in anon] == [r["id"] for r in rows] and anon[0]["instruction"] != rows[0]["instruction"]
    spans = [json.loads(line) for line in (tmp_path / "spans.jsonl").read_text().splitlines()]
    assert set(spans[0]) == {"record", "field", "start", "end", "type"}  # no values
    labelled = {(s["record"], s["field"], s["start"], s["end"]) for s in map(json.loads, (repo_root / "data/sample/pii_spans.jsonl").read_text().splitlines())}
    ids = [r["id"] for r in rows]
    hits = sum((ids[s["record"]], s["field"], s["start"], s["end"]) in labelled for s in spans)
    assert hits / len(spans) > 0.9  # offsets are into the original text


def test_parallel_output_equals_serial(tmp_path, repo_root):
    src = write_jsonl(tmp_path / "in.jsonl", sample(repo_root, 100))
    anonfile.anonymize_file(src, tmp_path / "a.jsonl", KEY, job(workers=1))
    anonfile.anonymize_file(src, tmp_path / "b.jsonl", KEY, job(workers=2))
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet(tmp_path, repo_root, fmt):
    import pandas as pd

    rows = sample(repo_root, 30)
    df = pd.DataFrame(rows)
    src = tmp_path / f"in.{fmt}"
    df.to_csv(src, index=False) if fmt == "csv" else df.to_parquet(src, index=False)
    anonfile.anonymize_file(src, tmp_path / f"out.{fmt}", KEY, job(fmt=fmt, chunk_records=7))
    out = pd.read_csv(tmp_path / f"out.{fmt}") if fmt == "csv" else pd.read_parquet(tmp_path / f"out.{fmt}")
    assert list(out.columns) == list(df.columns) and list(out["id"]) == list(df["id"])
    assert (out["instruction"] != df["instruction"]).all()


@pytest.mark.parametrize(
    "content, message, reason",
    [
        (b'{"instruction": "a", "response": "b"}\n{"instruction": "caf\xe9", "response": "x"}\n', "in.jsonl:2: not valid UTF-8", "not_utf8"),
        (b'{"instruction": "a", "response": "b"}\n{"instruction": \n', "in.jsonl:2: invalid JSON", "malformed"),
        (b'{"instruction": "a", "response": "b"}\n{"response": "x"}\n', "in.jsonl:2: record lacks the text field(s) 'instruction'", "missing_field"),
        (b'{"instruction": "a", "response": "b"}\n{"instruction": 5, "response": "x"}\n', "in.jsonl:2: field(s) 'instruction' are not text", "not_text"),
        (b'{"instruction": "a", "response": "b"}\n{"instruction": "' + b"x" * 300 + b'", "response": "x"}\n', "in.jsonl:2: record is", "too_large"),
    ],
)
def test_bad_record_fails_naming_the_line_or_is_skipped_and_counted(tmp_path, content, message, reason):
    src = tmp_path / "in.jsonl"
    src.write_bytes(content)
    with pytest.raises(DataError) as e:
        anonfile.anonymize_file(src, tmp_path / "out.jsonl", KEY, job(max_record_bytes=200))
    assert message in str(e.value)
    assert not (tmp_path / "out.jsonl").exists() and [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]
    out = anonfile.anonymize_file(src, tmp_path / "out.jsonl", KEY, job(max_record_bytes=200, on_error="skip"))
    assert out.records_out == 1 and out.skipped == {reason: 1}


def test_binary_and_empty_files(tmp_path):
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02PK\x03\x04")
    with pytest.raises(DataError, match="binary file"):
        anonfile.anonymize_file(tmp_path / "bin.jsonl", tmp_path / "o.jsonl", KEY, job())
    (tmp_path / "empty.jsonl").write_bytes(b"")
    with pytest.raises(DataError, match="empty dataset"):
        anonfile.anonymize_file(tmp_path / "empty.jsonl", tmp_path / "o.jsonl", KEY, job())
    assert not (tmp_path / "o.jsonl").exists()


def test_mapping_only_when_asked_and_encrypted(tmp_path, repo_root):
    from cryptography.fernet import Fernet

    rows = sample(repo_root, 10)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    with pytest.raises(ConfigError, match="Fernet key"):
        anonfile.anonymize_file(src, tmp_path / "o.jsonl", KEY, job(), mapping_path=tmp_path / "map.enc")
    fkey = Fernet.generate_key()
    anonfile.anonymize_file(src, tmp_path / "o.jsonl", KEY, job(), mapping_path=tmp_path / "map.enc", mapping_key=fkey)
    blob = (tmp_path / "map.enc").read_bytes()
    assert b"@" not in blob and rows[0]["id"].encode() not in blob
    pairs = anonfile.read_mapping(tmp_path / "map.enc", fkey)
    if pairs:  # filled when the installed detector supports collecting the mapping
        anon_text = (tmp_path / "o.jsonl").read_text()
        assert all(s in anon_text for s in list(pairs)[:20])
    with pytest.raises(DataError, match="cannot decrypt"):
        anonfile.read_mapping(tmp_path / "map.enc", Fernet.generate_key())


def test_cli_writes_report_and_never_a_value(tmp_path, repo_root, monkeypatch):
    monkeypatch.setenv("RELEASE_GATE_ANON_KEY", KEY.decode())
    rows = sample(repo_root, 40)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    res = CliRunner().invoke(main, ["anonymize", str(src), str(tmp_path / "out.jsonl"), "--text-field", "instruction", "--text-field", "response",
                                    "--spans", str(tmp_path / "s.jsonl"), "--report", str(tmp_path / "r.json"), "--workers", "1"])
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["records_out"] == 40 and report["key_source"] == "environment"
    values = set()
    for s in map(json.loads, (repo_root / "data/sample/pii_spans.jsonl").read_text().splitlines()):
        rec = next((r for r in rows if r["id"] == s["record"]), None)
        if rec:
            v = rec[s["field"]][s["start"]:s["end"]]
            if len(v) >= 6:
                values.add(v)
    written = res.output + (tmp_path / "r.json").read_text() + (tmp_path / "s.jsonl").read_text()
    assert not [v for v in values if v in written]
    assert KEY.decode() not in written
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"instruction": "x"}\n')
    res = CliRunner().invoke(main, ["anonymize", str(bad), str(tmp_path / "o2.jsonl"), "--text-field", "instruction", "--text-field", "response"])
    assert res.exit_code == 3 and "bad.jsonl:1: record lacks the text field(s) 'response'" in res.output


def test_span_lines_and_rows_are_what_json_dumps_writes():
    from pipelines.pii import Span

    spans = [Span(0, 4, "PERSON"), Span(10, 22, "EMAIL", 0.5, "email")]
    for field in ("instruction", "notes_é\"x"):
        expected = "".join(json.dumps({"record": 7, "field": field, "start": s.start, "end": s.end, "type": s.type}) + "\n"
                           for s in spans)
        assert anonfile._span_lines(7, json.dumps(field), spans, {}) == expected
    row = {"id": "r-1", "text": "Grüße \u2028 \"quoted\" \\", "n": 3, "x": None, "f": 1.5, "l": [1, "é"]}
    assert anonfile._encode_row(row) == json.dumps(row, ensure_ascii=False)


def test_spans_are_not_computed_into_lines_when_not_asked(tmp_path, repo_root):
    rows = sample(repo_root, 5)
    anonfile._init_worker(KEY, job(), False)
    chunk = [(i, i + 1, r) for i, r in enumerate(rows)]
    n, data, span_text, counts, _ = anonfile.process_chunk(chunk, job(), with_spans=False)
    assert n == 5 and span_text == "" and sum(counts.values()) > 0
    _, data2, span_text2, counts2, _ = anonfile.process_chunk(chunk, job())
    assert data2 == data and counts2 == counts and span_text2.count("\n") == sum(counts.values())
    assert [json.loads(line)["id"] for line in data.splitlines()] == [r["id"] for r in rows]
