"""The validate stage with real Great Expectations 1.x."""
from __future__ import annotations

import json

import pytest

from pipelines.core.config import parse_config
from pipelines.core.errors import StageFailed
from stages import anonymize, validate


@pytest.fixture()
def workspace(tmp_path, repo_root, monkeypatch):
    monkeypatch.setenv("RELEASE_GATE_ANON_KEY", "gx-test-key-0123456789")
    lines = (repo_root / "data/sample/records.jsonl").read_text().splitlines()[:60]
    (tmp_path / "data").mkdir()
    (tmp_path / "data/raw.jsonl").write_text("\n".join(lines) + "\n")
    cfg = parse_config({"data": {"raw": "data/raw.jsonl"}})
    anonymize.run_stage(cfg, tmp_path)
    return tmp_path, cfg


def rewrite(path, fn):
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    path.write_text("".join(json.dumps(r) + "\n" for r in fn(rows)))


def test_suite_passes_on_anonymized_data(workspace):
    root, cfg = workspace
    rec = validate.run_stage(cfg, root)
    gx = rec.details["great_expectations"]
    assert rec.passed and gx["success"] and gx["failed"] == 0 and gx["evaluated"] >= 17
    assert (root / cfg.validate_.data_docs / "index.html").is_file()
    assert 0.01 < next(c["value"] for c in rec.checks if c["name"] == "mean_replaced_share") < 0.35


@pytest.mark.parametrize(
    "mutate, failing",
    [
        (lambda rows: rows[:-1], "expect_table_row_count_to_equal"),
        (lambda rows: [{**r, "instruction": r["instruction"] + " Call 312-555-7788."} if i == 3 else r for i, r in enumerate(rows)],
         "expect_column_values_to_not_match_regex.instruction.PHONE"),
        (lambda rows: [{**r, "response": r["response"] + " mail jo.doe@gmail.com"} if i == 0 else r for i, r in enumerate(rows)],
         "expect_column_values_to_not_match_regex.response.EMAIL"),
        (lambda rows: [{**r, "instruction": "SSN 123-45-6789 " + r["instruction"]} if i == 1 else r for i, r in enumerate(rows)],
         "expect_column_values_to_not_match_regex.instruction.ID"),
        (lambda rows: [{**r, "response": None} if i == 2 else r for i, r in enumerate(rows)], "expect_column_values_to_not_be_null.response"),
        (lambda rows: [{**r, "instruction": "Summarize the note."} if i == 2 else r for i, r in enumerate(rows)],
         "expect_column_value_lengths_to_be_between.instruction"),
        (lambda rows: [{**r, "extra": 1} for r in rows], "expect_table_columns_to_match_set"),
        (lambda rows: [{**r, "id": rows[0]["id"]} if i == 1 else r for i, r in enumerate(rows)], "expect_column_values_to_be_unique.id"),
        # over-redaction: one prompt replaced wholesale loses its context
        (lambda rows: [{**r, "instruction": " ".join(["[REDACTED]"] * 30)} if i == 4 else r for i, r in enumerate(rows)],
         "expect_column_values_to_be_between.replaced_share"),
    ],
)
def test_each_expectation_can_fail_the_stage(workspace, mutate, failing):
    root, cfg = workspace
    rewrite(root / cfg.anonymize.output, mutate)
    with pytest.raises(StageFailed) as e:
        validate.run_stage(cfg, root)
    assert failing in str(e.value)
    rec = json.loads((root / cfg.validate_.evidence).read_text())
    assert rec["passed"] is False
    assert [c["name"] for c in rec["checks"] if not c["passed"]] == [failing]
    text = json.dumps(rec) + "".join(p.read_text(errors="ignore") for p in (root / cfg.validate_.data_docs).rglob("*.html"))
    for secret in ("312-555-7788", "jo.doe@gmail.com", "123-45-6789"):
        assert secret not in text  # evidence and Data Docs keep counts, never the offending values
