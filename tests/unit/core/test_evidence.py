from __future__ import annotations

import hashlib
import json

import pytest

from pipelines.core import evidence as ev
from pipelines.core.digests import dir_md5, file_md5, path_md5, sha256_json


def test_check_ops():
    assert ev.Check("a", 3, "<=", 3).passed
    assert not ev.Check("a", 4, "<=", 3).passed
    assert ev.Check("a", 0.5, ">=", 0.1).passed
    assert not ev.Check("a", None, ">=", 0.1).passed  # no value is a failure, never a pass
    assert ev.Check("a", "anything", "info").passed
    assert ev.Check("m", True, "==", True).passed


def test_file_md5_is_plain_md5(tmp_path):
    p = tmp_path / "f"
    p.write_bytes(b"hello\r\nworld\n")
    assert file_md5(p) == hashlib.md5(b"hello\r\nworld\n").hexdigest()


def test_dir_md5_follows_dvc_layout(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("b")
    (tmp_path / "d" / "sub" / "a.txt").write_text("a")
    entries = sorted(
        [{"md5": hashlib.md5(b"b").hexdigest(), "relpath": "b.txt"}, {"md5": hashlib.md5(b"a").hexdigest(), "relpath": "sub/a.txt"}],
        key=lambda e: e["relpath"],
    )
    expected = hashlib.md5(json.dumps(entries, sort_keys=True).encode()).hexdigest() + ".dir"
    assert dir_md5(tmp_path / "d") == expected == path_md5(tmp_path / "d")


def _write_chain(root):
    (root / "data").mkdir()
    (root / "data" / "a.txt").write_text("a")
    (root / "data" / "b.txt").write_text("b")
    e1 = ev.build("one", [ev.Check("x", 1, "==", 1)], {}, {"o": "data/a.txt"}, "c1", root, ev.now_utc())
    ev.write(root / "ev1.json", e1)
    e2 = ev.build("two", [ev.Check("y", 2, "<=", 1)], {"i": "data/a.txt"}, {"o": "data/b.txt"}, "c2", root, ev.now_utc())
    ev.write(root / "ev2.json", e2)
    return {"one": "ev1.json", "two": "ev2.json"}


def test_chain_reports_failed_checks_and_tampering(tmp_path):
    paths = _write_chain(tmp_path)
    links = ev.chain(tmp_path, paths)
    assert links[0].problems == []
    assert links[1].passed is False and any("check failed: y = 2" in p for p in links[1].problems)
    (tmp_path / "data" / "a.txt").write_text("changed")
    links = ev.chain(tmp_path, paths)
    assert any("output data/a.txt changed since the stage ran" in p for p in links[0].problems)


def test_chain_detects_input_from_another_run(tmp_path):
    paths = _write_chain(tmp_path)
    rec = json.loads((tmp_path / "ev2.json").read_text())
    rec["inputs"]["data/a.txt"] = "0" * 32
    (tmp_path / "ev2.json").write_text(json.dumps(rec))
    links = ev.chain(tmp_path, paths)
    assert any("input data/a.txt has digest 000000000000, but one wrote" in p for p in links[1].problems)


def test_chain_missing_and_malformed(tmp_path):
    paths = _write_chain(tmp_path)
    (tmp_path / "ev1.json").unlink()
    (tmp_path / "ev2.json").write_text("{not json")
    links = ev.chain(tmp_path, paths)
    assert links[0].present is False and "missing" in links[0].problems[0]
    assert links[1].present is False and "not a valid evidence record" in links[1].problems[0]


def test_evidence_digest_is_canonical(tmp_path):
    paths = _write_chain(tmp_path)
    rec = ev.load(tmp_path / paths["one"])
    assert rec.digest() == sha256_json(json.loads((tmp_path / paths["one"]).read_text()))
    with pytest.raises(Exception):
        (tmp_path / "bad.json").write_text('{"stage": "x"}')
        ev.load(tmp_path / "bad.json")
