from __future__ import annotations

import pytest

from pipelines.core.errors import DataError
from pipelines.core.fileio import atomic_path, read_jsonl, write_jsonl


def test_atomic_file_leaves_nothing_on_error(tmp_path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_atomic_dir_replaces_whole(tmp_path):
    target = tmp_path / "model"
    target.mkdir()
    (target / "old.bin").write_text("old")
    with atomic_path(target, is_dir=True) as tmp:
        (tmp / "new.bin").write_text("new")
    assert [p.name for p in target.iterdir()] == ["new.bin"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_read_jsonl_roundtrip(tmp_path):
    p = tmp_path / "r.jsonl"
    write_jsonl(p, [{"id": 1, "t": "é"}, {"id": 2, "t": "x"}])
    assert read_jsonl(p, required=("id", "t"))[0]["t"] == "é"


@pytest.mark.parametrize(
    "content, message",
    [
        (b'{"id": 1}\n\xff\xfe\n', "r.jsonl:2: not valid UTF-8"),
        (b'{"id": 1, "t": "a"}\n{"id": \n', "r.jsonl:2: invalid JSON"),
        (b'{"id": 1, "t": "a"}\n[1, 2]\n', "r.jsonl:2: expected a JSON object"),
        (b'{"id": 1, "t": "a"}\n{"id": 2}\n', "r.jsonl:2: record lacks field(s) 't'"),
        (b"\n\n", "r.jsonl: empty dataset"),
    ],
)
def test_read_jsonl_errors_name_file_and_line(tmp_path, content, message):
    p = tmp_path / "r.jsonl"
    p.write_bytes(content)
    with pytest.raises(DataError) as e:
        read_jsonl(p, required=("id", "t"))
    assert message in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        read_jsonl(tmp_path / "none.jsonl")
